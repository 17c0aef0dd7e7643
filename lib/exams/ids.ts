// Id shapes accepted at the boundary. Pure.
import { z } from "zod";

export const attemptIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/);
