// The tests load the built extension: say so plainly when it isn't built.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from './support/fixtures.ts';

export default function globalSetup(): void {
  for (const target of ['chrome', 'firefox', 'test/chrome']) {
    if (!existsSync(resolve(repoRoot, 'dist', target, 'manifest.json'))) {
      throw new Error(`dist/${target} is missing: run \`npm run build\` before \`npm run test:e2e\``);
    }
  }
}
