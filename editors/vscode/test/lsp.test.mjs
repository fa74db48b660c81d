// `vdl lsp` driven over stdio by a real LSP client library (vscode-languageserver-protocol, the library behind VS
// Code's own client): diagnostics, completion, hover, definition, references, rename, formatting, quick fixes,
// outline, semantic tokens, workspace symbols, highlights, folding, signature help, inlay hints, a burst of quick
// edits, a malformed message, shutdown and exit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const lsp = require('vscode-languageserver-protocol/node');
const { serverCommand } = require('../out/serverCommand.js');
const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.resolve(here, '..', '..', '..');

function serverDll() {
  if (process.env.VDL_DLL) return process.env.VDL_DLL;
  for (const configuration of ['Release', 'Debug']) {
    const dll = path.join(repository, 'src', 'Cli', 'bin', configuration, 'net10.0', 'vdl.dll');
    if (fs.existsSync(dll)) return dll;
  }
  throw new Error('build the CLI first: dotnet build src/Cli -c Release (or set VDL_DLL)');
}

const catalog = `os rhel8 {
  family  = linux
  version = "8.6"
}

hardware box {
  cpu {
    sockets  = 1
    cores    = 8
    threads  = 2
    features = [vtx, ept]
  }
  memory = 64GiB
}

app web {
  demand {
    cpu    = 2
    memory = 2GiB
    io     = moderate
  }
}
`;

const site = `import "catalog.vdl"

host h1 : box {
  hypervisor {
    kind = bare_metal
  }
  vm web-vm {
    os     = rhel8
    vcpus  = 2
    memory = 4GiB
    runs   = [web]
    count  = 3
  }
}

scenario day {
  duration = 1d
  at 6h crash web-vm-2
}
`;

// A file of the workspace nobody opens: references and rename must still reach it.
const closed = `import "catalog.vdl"

host c1 : box {
  runs = [web]
}
`;

let folder, server, connection, exitCode;
const published = new Map();
const waiters = [];

function onPublished(params) {
  published.set(params.uri, params);
  for (const waiter of [...waiters]) {
    if (waiter.uri === params.uri && (waiter.version === undefined || params.version === waiter.version)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(params);
    }
  }
}

/** The diagnostics of the document at that version (the last published, if it already came). */
function diagnosticsFor(uri, version) {
  const last = published.get(uri);
  if (last && (version === undefined || last.version === version)) return Promise.resolve(last);
  return new Promise((resolve, reject) => {
    waiters.push({ uri, version, resolve });
    setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version}`)), 20000);
  });
}

const uriOf = (name) => pathToFileURL(path.join(folder, name)).href;
const at = (line, character) => ({ line, character });

before(async () => {
  folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vdl-lsp-')));
  fs.writeFileSync(path.join(folder, 'catalog.vdl'), catalog);
  fs.writeFileSync(path.join(folder, 'site.vdl'), site);
  fs.writeFileSync(path.join(folder, 'closed.vdl'), closed);
  // Started the way the extension starts it (its compiled serverCommand): `vdl.server.path` set to the .dll.
  const { command, args } = serverCommand(serverDll(), ['--stdio']);
  server = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  server.stderr.on('data', () => {});
  server.on('exit', (code) => { exitCode = code; });
  connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(server.stdout), new lsp.StreamMessageWriter(server.stdin));
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, onPublished);
  connection.listen();
  const result = await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, workspaceFolders: null,
  });
  assert.equal(result.capabilities.textDocumentSync.change, lsp.TextDocumentSyncKind.Incremental);
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  for (const [name, text] of [['site.vdl', site], ['catalog.vdl', catalog]]) {
    await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(name), languageId: 'vdl', version: 1, text } });
  }
  await diagnosticsFor(uriOf('site.vdl'), 1);
});

after(() => {
  connection?.dispose();
  if (exitCode === undefined) server?.kill();
  fs.rmSync(folder, { recursive: true, force: true });
});

test('a clean model has no diagnostics; a broken one has them at the right ranges', async () => {
  assert.deepEqual((await diagnosticsFor(uriOf('site.vdl'), 1)).diagnostics, []);
  const broken = 'host h2 : box {\n  memory = 4GX\n  vcpus = 2\n}\n';
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('broken.vdl'), languageId: 'vdl', version: 7, text: `import "catalog.vdl"\n${broken}` } });
  const { diagnostics, version } = await diagnosticsFor(uriOf('broken.vdl'), 7);
  assert.equal(version, 7);
  const unit = diagnostics.find((d) => d.code === 'VDL0011');
  assert.deepEqual(unit.range, { start: at(2, 12), end: at(2, 14) });
  assert.equal(unit.severity, lsp.DiagnosticSeverity.Error);
  assert.match(unit.codeDescription.href, /docs\/diagnostics\/VDL0011\.md$/);
  const unknown = diagnostics.find((d) => d.code === 'VDL1001' || d.message.includes('vcpus'));
  assert.ok(unknown, JSON.stringify(diagnostics));
  assert.equal(unknown.range.start.line, 3);

  // Its quick fix is the compiler's did-you-mean.
  const actions = await connection.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri: uriOf('broken.vdl') }, range: unit.range, context: { diagnostics: [unit] },
  });
  const fix = actions.find((a) => a.edit.changes[uriOf('broken.vdl')].some((e) => e.newText === 'GB'));
  assert.ok(fix, JSON.stringify(actions));
  assert.equal(fix.kind, 'quickfix');
});

test('completion offers what may be written at each place', async () => {
  const labels = async (uri, position) => (await connection.sendRequest(lsp.CompletionRequest.type, { textDocument: { uri }, position })).items.map((i) => i.label);
  const site = uriOf('site.vdl');
  // A member's start in a vm: its attributes not yet written, required first, and no block kinds of other blocks.
  await edit('site.vdl', 2, { start: at(11, 0), end: at(11, 0) }, '    \n');
  const inVm = await labels(site, at(11, 4));
  assert.ok(inVm.includes('disk') && inVm.includes('privileged') && !inVm.includes('vcpus') && !inVm.includes('hardware'), inVm.join());
  // Top level: the block kinds and import.
  const top = await labels(site, at(0, 0));
  for (const kind of ['os', 'hardware', 'app', 'host', 'cluster', 'scenario', 'import']) assert.ok(top.includes(kind), kind);
  // After `kind =` in a hypervisor block: the kinds.
  assert.deepEqual(await labels(site, at(4, 11)), ['none', 'hosted', 'bare_metal', 'paravirtual', 'os_level']);
  // In `runs = [`: the applications only.
  assert.deepEqual(await labels(site, at(10, 14)), ['web']);
  // After `os =`: the operating systems of the model, imports included.
  assert.deepEqual(await labels(site, at(7, 13)), ['rhel8']);
  // A unit after a number: the memory units.
  await edit('site.vdl', 3, { start: at(11, 0), end: at(11, 4) }, '    disk = 100');
  const units = await labels(site, at(11, 15));
  assert.ok(units.includes('GiB') && units.includes('TB') && !units.includes('GHz'), units.join());
  // After a scenario action: its targets (a crash takes hosts and guests, copies by name).
  const crash = await labels(site, at(18, 14));
  assert.ok(crash.includes('h1') && crash.includes('web-vm-2'), crash.join());
  await edit('site.vdl', 4, { start: at(11, 0), end: at(12, 0) }, '');
});

test('hover says what a name is, with its effective resources', async () => {
  const hover = await connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: uriOf('site.vdl') }, position: at(2, 6) });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /host h1 : box/);
  assert.match(hover.contents.value, /16 logical/);
  assert.match(hover.contents.value, /64 GiB/);
  const attribute = await connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: uriOf('site.vdl') }, position: at(8, 5) });
  assert.match(attribute.contents.value, /\*\*vcpus\*\*: a whole number \(required\)/);
});

test('definition goes to the declaration in the imported file; references find every use', async () => {
  const definition = await connection.sendRequest(lsp.DefinitionRequest.type, { textDocument: { uri: uriOf('site.vdl') }, position: at(2, 11) });
  assert.equal(definition.uri, uriOf('catalog.vdl'));
  assert.deepEqual(definition.range, { start: at(5, 9), end: at(5, 12) });
  const references = await connection.sendRequest(lsp.ReferencesRequest.type, {
    textDocument: { uri: uriOf('catalog.vdl') }, position: at(15, 5), context: { includeDeclaration: true },
  });
  assert.deepEqual(references.map((r) => [path.basename(fileURLToPath(r.uri)), r.range.start.line]).sort(), [['catalog.vdl', 15], ['closed.vdl', 3], ['site.vdl', 10]]);
});

test('rename edits the declaration, every reference and the names of copies', async () => {
  const prepared = await connection.sendRequest(lsp.PrepareRenameRequest.type, { textDocument: { uri: uriOf('site.vdl') }, position: at(6, 7) });
  assert.equal(prepared.placeholder, 'web-vm');
  const edit = await connection.sendRequest(lsp.RenameRequest.type, { textDocument: { uri: uriOf('site.vdl') }, position: at(6, 7), newName: 'app-vm' });
  const edits = edit.changes[uriOf('site.vdl')].map((e) => [e.range.start.line, e.newText]);
  assert.deepEqual(edits, [[6, 'app-vm'], [17, 'app-vm-2']]);
  await assert.rejects(connection.sendRequest(lsp.RenameRequest.type, { textDocument: { uri: uriOf('site.vdl') }, position: at(6, 7), newName: 'h1' }), /already declared/);

  // A name of the shared catalog: the open files and the closed one that imports it.
  const box = await connection.sendRequest(lsp.RenameRequest.type, { textDocument: { uri: uriOf('site.vdl') }, position: at(2, 11), newName: 'server' });
  assert.deepEqual(Object.keys(box.changes).map((u) => path.basename(fileURLToPath(u))).sort(), ['broken.vdl', 'catalog.vdl', 'closed.vdl', 'site.vdl']); // broken.vdl, opened above, uses it too
  assert.deepEqual(box.changes[uriOf('closed.vdl')].map((e) => [e.range.start, e.newText]), [[at(2, 10), 'server']]);
  await assert.rejects(connection.sendRequest(lsp.RenameRequest.type, { textDocument: { uri: uriOf('site.vdl') }, position: at(6, 7), newName: '9lives' }), /not a name/);
});

test('formatting returns the edit that makes the canonical layout', async () => {
  const messy = 'os   x {\nfamily=linux\n    version = "1"\n}\n';
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('messy.vdl'), languageId: 'vdl', version: 1, text: messy } });
  const edits = await connection.sendRequest(lsp.DocumentFormattingRequest.type, { textDocument: { uri: uriOf('messy.vdl') }, options: { tabSize: 2, insertSpaces: true } });
  assert.equal(apply(messy, edits), 'os x {\n  family  = linux\n  version = "1"\n}\n');
});

test('the outline and the semantic tokens come from the tree', async () => {
  const symbols = await connection.sendRequest(lsp.DocumentSymbolRequest.type, { textDocument: { uri: uriOf('site.vdl') } });
  assert.deepEqual(symbols.map((s) => s.name), ['h1', 'day']);
  assert.deepEqual(symbols[0].children.map((c) => c.name), ['hypervisor', 'web-vm']);
  const tokens = await connection.sendRequest(lsp.SemanticTokensRequest.type, { textDocument: { uri: uriOf('site.vdl') } });
  assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
  // The first token is `import`, a keyword (type 0) at 0:0, six characters long.
  assert.deepEqual(tokens.data.slice(0, 5), [0, 0, 6, 0, 0]);
});

test('workspace symbols reach the file nobody opened', async () => {
  const symbols = await connection.sendRequest(lsp.WorkspaceSymbolRequest.type, { query: 'c1' });
  assert.deepEqual(symbols.map((s) => [s.name, path.basename(fileURLToPath(s.location.uri)), s.location.range.start.line]), [['c1', 'closed.vdl', 2]]);
  assert.equal(symbols[0].kind, lsp.SymbolKind.Class);
});

test('highlights, folding ranges, signature help and inlay hints', async () => {
  const site = uriOf('site.vdl');
  // `box` is declared in the catalog: in this document it is only read.
  const highlights = await connection.sendRequest(lsp.DocumentHighlightRequest.type, { textDocument: { uri: site }, position: at(2, 11) });
  assert.deepEqual(highlights, [{ range: { start: at(2, 10), end: at(2, 13) }, kind: lsp.DocumentHighlightKind.Read }]);

  const folding = await connection.sendRequest(lsp.FoldingRangeRequest.type, { textDocument: { uri: site } });
  assert.deepEqual(folding.map((r) => [r.startLine, r.endLine]), [[2, 12], [3, 4], [6, 11], [15, 17]]);

  const uri = uriOf('profile.vdl');
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'vdl', version: 1, text: 'app p {\n  demand {\n    profile = spiky(10%, \n  }\n}\n' },
  });
  const help = await connection.sendRequest(lsp.SignatureHelpRequest.type, { textDocument: { uri }, position: at(2, 25) });
  assert.equal(help.signatures[0].label, 'spiky(base: percentage, peak: percentage, every?: duration, lasts?: duration)');
  assert.equal(help.activeParameter, 1);

  const hints = await connection.sendRequest(lsp.InlayHintRequest.type, { textDocument: { uri }, range: { start: at(0, 0), end: at(5, 0) } });
  assert.deepEqual(hints.map((h) => [h.position.line, h.position.character, h.label]), [[2, 20, 'base:']]);
});

test('after a burst of 100 quick edits the last diagnostics are those of the last text', async () => {
  const uri = uriOf('burst.vdl');
  let text = 'os o {\n  family = linux\n}\n';
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'vdl', version: 1, text } });
  let version = 1;
  for (let i = 0; i < 100; i++) {
    // Type a comment character by character at the end, then an error on the last keystroke.
    const insert = i === 99 ? 'x' : 'y';
    const offset = text.length;
    const line = text.split('\n').length - 1;
    const character = text.length - text.lastIndexOf('\n') - 1;
    text = text.slice(0, offset) + insert;
    version++;
    connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version }, contentChanges: [{ range: { start: at(line, character), end: at(line, character) }, text: insert }],
    });
  }
  const last = await diagnosticsFor(uri, version);
  // The same text opened fresh gives the same diagnostics.
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('fresh.vdl'), languageId: 'vdl', version: 1, text } });
  const fresh = await diagnosticsFor(uriOf('fresh.vdl'), 1);
  assert.ok(last.diagnostics.length > 0);
  assert.deepEqual(last.diagnostics.map((d) => [d.code, d.range]), fresh.diagnostics.map((d) => [d.code, d.range]));
});

test('a malformed message or an unknown method does not stop the server', async () => {
  server.stdin.write('Content-Length: 9\r\n\r\n{not json');
  server.stdin.write('Content-Length: 2\r\n\r\n[]');
  await assert.rejects(connection.sendRequest('vdl/unknown', {}), /no method/);
  const hover = await connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: uriOf('site.vdl') }, position: at(2, 6) });
  assert.match(hover.contents.value, /host h1/);
});

// Last: it ends the session.
test('shutdown then exit ends the server with exit code 0', async () => {
  assert.equal(await connection.sendRequest(lsp.ShutdownRequest.type), null);
  const exited = new Promise((resolve) => (exitCode !== undefined ? resolve() : server.on('exit', resolve)));
  await connection.sendNotification(lsp.ExitNotification.type);
  await exited;
  assert.equal(exitCode, 0);
});

async function edit(name, version, range, text) {
  await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri: uriOf(name), version }, contentChanges: [{ range, text }] });
}

function apply(text, edits) {
  const offset = (p) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}
