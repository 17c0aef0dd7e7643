// Reads and validates blueprint.yaml alone (for pages that only need the exam
// format and domain weights).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { DEFAULT_PACK_ROOT } from "./pack";
import { type Blueprint, blueprintSchema } from "./schema";

export function loadBlueprint(root: string = DEFAULT_PACK_ROOT): Blueprint {
  return blueprintSchema.parse(parseYaml(readFileSync(path.join(root, "blueprint.yaml"), "utf8")));
}
