// vitest's globalSetup: before any test file runs, what the chosen files need besides Node (Java
// for DynamoDB Local, chromium and CJK fonts for the console's browser tests) is there, or is
// installed (root with apt-get, announced in one line), or the run stops at once with one line
// naming the command that installs it: no `spawn java ENOENT` or browser launch trace later.
// A run of unit tests alone needs none of them.
import type { TestProject } from 'vitest/node';
import { type Need, needsForTestFiles, preflight } from '../../scripts/preflight.ts';

export default async function setup(project: TestProject): Promise<void> {
  // The files this run will run: those the command line's filters select (all of them for `npm test`).
  let needs: Need[];
  try {
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
    const { testFiles } = await project.globTestFiles(filters);
    needs = needsForTestFiles(testFiles);
  } catch {
    needs = ['java', 'chromium', 'fonts'];
  }
  const outcome = preflight('npm test', needs);
  if (outcome.ok) return;
  console.error(outcome.message);
  process.exit(1);
}
