// A deployment in AWS's China regions as an operator describes it: the context README's
// "AWS's China regions" section gives its synth command, read from README itself, so the command
// the tests run is the one a reader copies (a placeholder like <IAM server certificate id> is
// given an example value). The names and domains are examples; none is contacted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const README = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');
const section = README.slice(README.indexOf("### AWS's China regions"));
const command = /```sh\n([\s\S]*?)```/.exec(section)?.[1]?.split('\n').filter((line) => !line.includes('cdk bootstrap') && !line.includes('npm run deploy')).join('\n') ?? '';
const context = Object.fromEntries([...command.matchAll(/-c (\w+)=(<[^>]*>|\S+)/g)].map(([, key, value]) => [key!, value!.startsWith('<') ? 'ASCACKCEVSQ6C2EXAMPLE' : value!]));
if (!context.region || !context.account) throw new Error("README's China section has no synth command with -c region=… -c account=…");

export const CHINA = context as Record<string, string> & { region: string; account: string };
