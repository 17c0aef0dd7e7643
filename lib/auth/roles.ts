// Role lists shared by server and client code (no server-only imports here).
export type Role = "STUDENT" | "INSTRUCTOR" | "ADMIN";
export const STAFF_ROLES: readonly Role[] = ["INSTRUCTOR", "ADMIN"];
export const isStaff = (role: Role) => STAFF_ROLES.includes(role);
