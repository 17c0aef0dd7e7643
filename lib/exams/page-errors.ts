import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/app-error";

/** Runs a loader for a page: a missing or foreign attempt becomes the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
