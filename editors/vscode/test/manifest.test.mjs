// The extension as VS Code loads it: what package.json promises exists (compiled entry point, grammar, language
// configuration), every contributed command is registered by the compiled client, and the server command is built
// as the settings say. Runs after `tsc` (npm test and npm run ci compile first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const { serverCommand } = require('../out/serverCommand.js');

test('the files package.json names exist', () => {
  assert.ok(fs.existsSync(path.join(root, manifest.main)), `${manifest.main} (run tsc)`);
  for (const grammar of manifest.contributes.grammars) {
    assert.ok(fs.existsSync(path.join(root, grammar.path)), grammar.path);
  }
  for (const language of manifest.contributes.languages) {
    assert.ok(fs.existsSync(path.join(root, language.configuration)), language.configuration);
    JSON.parse(fs.readFileSync(path.join(root, language.configuration), 'utf8'));
  }
  assert.deepEqual(manifest.activationEvents, ['onLanguage:vdl']);
});

test('every contributed command is registered by the client, and only those', () => {
  const compiled = fs.readFileSync(path.join(root, manifest.main), 'utf8');
  const registered = [...compiled.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(registered, contributed);
  for (const command of manifest.contributes.commands) {
    assert.equal(command.category, 'VirtLang');
  }
});

test('the server command follows vdl.server.path and vdl.server.extraArgs', () => {
  assert.deepEqual(serverCommand('vdl', []), { command: 'vdl', args: ['lsp'] });
  assert.deepEqual(serverCommand('/opt/vdl/vdl', ['--stdio']), { command: '/opt/vdl/vdl', args: ['lsp', '--stdio'] });
  const dll = serverCommand('build/VDL.DLL', []);
  assert.equal(dll.command, 'dotnet');
  assert.deepEqual(dll.args, [path.resolve('build/VDL.DLL'), 'lsp']);
});
