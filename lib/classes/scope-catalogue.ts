// The exam guide's domains, task statements and topics, for choosing what an
// assignment covers.
import "server-only";
import type { Db } from "@/lib/db";
import type { ScopeCatalogue } from "./form-values";

export async function loadScopeCatalogue(db: Db): Promise<ScopeCatalogue> {
  return db.domain.findMany({
    select: {
      number: true,
      title: true,
      taskStatements: {
        select: { code: true, title: true, topics: { select: { id: true, title: true }, orderBy: { position: "asc" } } },
        orderBy: { position: "asc" },
      },
    },
    orderBy: { number: "asc" },
  });
}
