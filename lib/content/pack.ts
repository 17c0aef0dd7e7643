// Reads the content pack from disk and parses every file against its schema.
// Cross-file rules live in validate.ts; this module only loads.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { splitFrontmatter } from "./frontmatter";
import { type ContentIssue, zodIssuesToContent } from "./issues";
import {
  type Blueprint,
  type ContentItem,
  type LessonFrontmatter,
  blueprintSchema,
  type ReferenceRegistry,
  contentItemSchema,
  lessonFrontmatterSchema,
  referenceRegistrySchema,
} from "./schema";

export type LoadedLesson = { file: string; frontmatter: LessonFrontmatter; body: string };
export type LoadedItem = { file: string; index: number; item: ContentItem };
export type ContentPack = {
  root: string;
  blueprint: Blueprint | null;
  lessons: LoadedLesson[];
  items: LoadedItem[];
  /** content/dva-c02/references/*.yaml: the AWS pages questions may cite, each checked by a person. */
  references: ReferenceRegistry;
  issues: ContentIssue[];
};

export const DEFAULT_PACK_ROOT = path.join(process.cwd(), "content", "dva-c02");

function listFiles(dir: string, extension: RegExp): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return listFiles(full, extension);
      return extension.test(name) ? [full] : [];
    })
    .sort();
}

export function loadContentPack(root: string = DEFAULT_PACK_ROOT): ContentPack {
  const issues: ContentIssue[] = [];
  const relative = (file: string) => path.relative(process.cwd(), file);

  let blueprint: Blueprint | null = null;
  const blueprintFile = path.join(root, "blueprint.yaml");
  try {
    const parsed = blueprintSchema.safeParse(parseYaml(readFileSync(blueprintFile, "utf8")));
    if (parsed.success) blueprint = parsed.data;
    else issues.push(...zodIssuesToContent(relative(blueprintFile), "", parsed.error.issues));
  } catch (error) {
    issues.push({ level: "error", file: relative(blueprintFile), field: "", message: (error as Error).message });
  }

  const lessons: LoadedLesson[] = [];
  for (const file of listFiles(path.join(root, "lessons"), /\.mdx?$/)) {
    const split = splitFrontmatter(readFileSync(file, "utf8"));
    if ("error" in split) {
      issues.push({ level: "error", file: relative(file), field: "frontmatter", message: split.error });
      continue;
    }
    const parsed = lessonFrontmatterSchema.safeParse(split.data);
    if (!parsed.success) {
      issues.push(...zodIssuesToContent(relative(file), "frontmatter", parsed.error.issues));
      continue;
    }
    lessons.push({ file: relative(file), frontmatter: parsed.data, body: split.body });
  }

  const items: LoadedItem[] = [];
  for (const file of listFiles(path.join(root, "questions"), /\.ya?ml$/)) {
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(file, "utf8"));
    } catch (error) {
      issues.push({ level: "error", file: relative(file), field: "", message: `not valid YAML: ${(error as Error).message}` });
      continue;
    }
    if (!Array.isArray(raw)) {
      issues.push({ level: "error", file: relative(file), field: "", message: "must be a YAML list of questions" });
      continue;
    }
    raw.forEach((entry: unknown, index) => {
      const label =
        entry && typeof entry === "object" && "id" in entry ? String((entry as { id: unknown }).id) : `[${index}]`;
      const parsed = contentItemSchema.safeParse(entry);
      if (parsed.success) items.push({ file: relative(file), index, item: parsed.data });
      else issues.push(...zodIssuesToContent(relative(file), label, parsed.error.issues));
    });
  }

  // One registry file per author (references/<name>.yaml) so parallel writers
  // never edit the same file; an address may appear in several.
  const references: ReferenceRegistry = [];
  for (const file of listFiles(path.join(root, "references"), /\.ya?ml$/)) {
    try {
      const parsed = referenceRegistrySchema.safeParse(parseYaml(readFileSync(file, "utf8")) ?? []);
      if (parsed.success) references.push(...parsed.data);
      else issues.push(...zodIssuesToContent(relative(file), "", parsed.error.issues));
    } catch (error) {
      issues.push({ level: "error", file: relative(file), field: "", message: `not valid YAML: ${(error as Error).message}` });
    }
  }

  return { root, blueprint, lessons, items, references, issues };
}
