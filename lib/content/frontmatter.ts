// Splits a markdown file into its YAML frontmatter and body. Pure.
import { parse as parseYaml } from "yaml";

export type SplitMarkdown = { data: unknown; body: string } | { error: string };

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function splitFrontmatter(source: string): SplitMarkdown {
  const match = FRONTMATTER.exec(source);
  if (!match) return { error: "missing YAML frontmatter between --- lines at the top of the file" };
  try {
    return { data: parseYaml(match[1]!), body: source.slice(match[0].length) };
  } catch (error) {
    return { error: `frontmatter is not valid YAML: ${(error as Error).message}` };
  }
}
