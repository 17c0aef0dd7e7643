import { AppError } from "@/lib/app-error";

export const attemptNotFound = () => new AppError("NOT_FOUND", "We could not find that attempt.");
