// The TextMate grammar through the tokenizer VS Code itself uses (vscode-textmate with vscode-oniguruma): explicit
// scopes for every token kind, and snapshots of whole files (UPDATE_SNAPSHOTS=1 rewrites them; review the diff).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.vdl') return null;
      const file = path.join(root, 'syntaxes', 'vdl.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  return registry.loadGrammar('source.vdl');
}

const grammar = await loadGrammar();

/** Every token of a text: [line (1-based), text, its innermost scope]. */
function tokenize(text) {
  const result = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((line, index) => {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    for (const token of tokens) {
      const value = line.slice(token.startIndex, token.endIndex);
      if (value.trim().length === 0) continue;
      result.push([index + 1, value, token.scopes[token.scopes.length - 1]]);
    }
    state = ruleStack;
  });
  return result;
}

function snapshot(text) {
  return tokenize(text).map(([line, value, scope]) => `${String(line).padStart(3)} ${JSON.stringify(value).padEnd(24)} ${scope}`).join('\n') + '\n';
}

function scopeOf(tokens, line, value) {
  const found = tokens.find(([l, v]) => l === line && v === value);
  assert.ok(found, `no token ${JSON.stringify(value)} on line ${line}`);
  return found[2];
}

test('every token kind gets its scope', () => {
  const tokens = tokenize(fs.readFileSync(path.join(here, 'fixtures', 'tokens.vdl'), 'utf8'));
  const expected = [
    [1, '// Every kind of token the grammar knows, once at least.', 'comment.line.double-slash.vdl'],
    [2, 'import', 'keyword.control.import.vdl'],
    [2, 'catalog.vdl', 'string.quoted.double.vdl'],
    [4, '/*', 'punctuation.definition.comment.begin.vdl'],
    [5, '*/', 'punctuation.definition.comment.end.vdl'],
    [5, '   over two lines ', 'comment.block.vdl'],
    [6, 'os', 'keyword.other.block.vdl'],
    [6, 'rhel8', 'entity.name.type.vdl'],
    [6, '{', 'punctuation.section.block.begin.vdl'],
    [7, 'family', 'variable.other.property.vdl'],
    [7, '=', 'keyword.operator.assignment.vdl'],
    [7, 'linux', 'variable.other.vdl'],
    [8, '\\n', 'constant.character.escape.vdl'],
    [9, 'true', 'constant.language.boolean.vdl'],
    [10, '}', 'punctuation.section.block.end.vdl'],
    [13, 'cpu', 'keyword.other.block.vdl'],
    [14, '8', 'constant.numeric.vdl'],
    [15, '2.4', 'constant.numeric.quantity.vdl'],
    [15, 'GHz', 'keyword.other.unit.vdl'],
    [16, '[', 'punctuation.section.brackets.begin.vdl'],
    [16, ',', 'punctuation.separator.comma.vdl'],
    [16, ']', 'punctuation.section.brackets.end.vdl'],
    [23, 'cpu', 'variable.other.property.vdl'],
    [25, 'diurnal', 'support.function.profile.vdl'],
    [25, '(', 'punctuation.section.parens.begin.vdl'],
    [25, 'peak', 'variable.other.property.vdl'],
    [25, '%', 'keyword.other.unit.vdl'],
    [25, ')', 'punctuation.section.parens.end.vdl'],
    [25, ';', 'punctuation.terminator.vdl'],
    [29, 'host', 'keyword.other.block.vdl'],
    [29, 'h1', 'entity.name.type.vdl'],
    [29, ':', 'punctuation.separator.base.vdl'],
    [29, 'box', 'entity.other.inherited-class.vdl'],
    [30, 'hypervisor', 'keyword.other.block.vdl'],
    [33, 'web-vm', 'entity.name.type.vdl'],
    [43, 'at', 'keyword.control.at.vdl'],
    [43, '2', 'constant.numeric.quantity.vdl'],
    [43, '4', 'constant.numeric.quantity.vdl'],
    [43, '..', 'keyword.operator.range.vdl'],
    [43, 'scale', 'keyword.control.action.vdl'],
    [43, 'for', 'keyword.control.action.vdl'],
    [44, '1d6h', 'constant.numeric.quantity.duration.vdl'],
    [44, 'crash', 'keyword.control.action.vdl'],
    [44, 'web-vm-2', 'variable.other.vdl'],
    [45, 'migrate', 'keyword.control.action.vdl'],
    [45, 'to', 'keyword.control.action.vdl'],
    [46, 'patch', 'keyword.control.action.vdl'],
    [47, 'fail', 'keyword.control.action.vdl'],
    [47, '-', 'keyword.operator.minus.vdl'],
    [47, '5', 'constant.numeric.vdl'],
  ];
  for (const [line, value, scope] of expected) {
    assert.equal(scopeOf(tokens, line, value), scope, `${JSON.stringify(value)} on line ${line}`);
  }
});

test('an expect statement: keyword, statistic, metric, comparison, value', () => {
  const tokens = tokenize('scenario day {\n  expect p95 utilization esx-01 < 80%\n  expect availability web>=99.95%\n}\n');
  const expected = [
    [2, 'expect', 'keyword.control.expect.vdl'],
    [2, 'p95', 'support.constant.statistic.vdl'],
    [2, 'utilization', 'support.constant.metric.vdl'],
    [2, 'esx-01', 'variable.other.vdl'],
    [2, '<', 'keyword.operator.comparison.vdl'],
    [2, '%', 'keyword.other.unit.vdl'],
    [3, 'availability', 'support.constant.metric.vdl'],
    [3, '>=', 'keyword.operator.comparison.vdl'],
    [3, 'web', 'variable.other.vdl'],
  ];
  for (const [line, value, scope] of expected) {
    assert.equal(scopeOf(tokens, line, value), scope, `${JSON.stringify(value)} on line ${line}`);
  }
});

test('an attribute named like a keyword is still an attribute', () => {
  const tokens = tokenize('vm a {\n  os    = rhel8\n  patch = "2024.03"\n  disk  = 100GiB\n}\n');
  assert.equal(scopeOf(tokens, 2, 'os'), 'variable.other.property.vdl');
  assert.equal(scopeOf(tokens, 3, 'patch'), 'variable.other.property.vdl');
  assert.equal(scopeOf(tokens, 4, 'disk'), 'variable.other.property.vdl');
});

test('sites: a site block, a host\'s site attribute and fail site', () => {
  const tokens = tokenize('site east {\n  location = "Frankfurt"\n}\nhost a {\n  site = east\n}\nscenario dr {\n  at 8h fail site east for 2h\n}\n');
  assert.equal(scopeOf(tokens, 1, 'site'), 'keyword.other.block.vdl');
  assert.equal(scopeOf(tokens, 1, 'east'), 'entity.name.type.vdl');
  assert.equal(scopeOf(tokens, 5, 'site'), 'variable.other.property.vdl');
  assert.equal(scopeOf(tokens, 8, 'fail'), 'keyword.control.action.vdl');
  assert.equal(scopeOf(tokens, 8, 'site'), 'keyword.control.action.vdl');
  assert.equal(scopeOf(tokens, 8, 'for'), 'keyword.control.action.vdl');
});

test('plans: pool and plan blocks, whose attributes are properties', () => {
  const tokens = tokenize('pool rack-a {\n  hardware = r740\n}\nplan consolidate {\n  pools = [rack-a]\n}\n');
  assert.equal(scopeOf(tokens, 1, 'pool'), 'keyword.other.block.vdl');
  assert.equal(scopeOf(tokens, 1, 'rack-a'), 'entity.name.type.vdl');
  assert.equal(scopeOf(tokens, 4, 'plan'), 'keyword.other.block.vdl');
  assert.equal(scopeOf(tokens, 4, 'consolidate'), 'entity.name.type.vdl');
  assert.equal(scopeOf(tokens, 5, 'pools'), 'variable.other.property.vdl');
});

test('an unterminated string ends at the end of its line', () => {
  const tokens = tokenize('os a {\n  version = "8.6\n  family = linux\n}\n');
  assert.equal(scopeOf(tokens, 3, 'family'), 'variable.other.property.vdl');
});

const snapshots = [
  ['tokens.vdl', path.join(here, 'fixtures', 'tokens.vdl')],
  ['datacenter.vdl', path.resolve(root, '..', '..', 'examples', 'datacenter.vdl')],
  ['containers.vdl', path.resolve(root, '..', '..', 'examples', 'containers.vdl')],
];
for (const [name, file] of snapshots) {
  test(`snapshot of ${name}`, () => {
    const actual = snapshot(fs.readFileSync(file, 'utf8'));
    const expectedFile = path.join(here, 'fixtures', `${name}.snap`);
    if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(expectedFile)) {
      fs.writeFileSync(expectedFile, actual);
      if (process.env.UPDATE_SNAPSHOTS !== '1') assert.fail(`wrote the missing snapshot ${expectedFile}: review it, then run again`);
    }
    assert.equal(actual, fs.readFileSync(expectedFile, 'utf8'));
  });
}
