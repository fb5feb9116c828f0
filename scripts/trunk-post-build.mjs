#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml). Runs on the staged build in $TRUNK_STAGING_DIR:
//
// 1. Moves Trunk's inline start-up <script type="module"> into a same-origin file
//    `start-<hash>.js`, so the page runs under `script-src 'self' 'wasm-unsafe-eval'` with no
//    hash or nonce (trunk issue #288). The file wraps the start-up in try/catch with a timeout:
//    if the bundle fails to load or start, the static fallback says so and links the data files
//    instead of saying "Loading…" forever. The stylesheet and wasm-bindgen's glue lose their
//    comments (their integrity hashes are recomputed).
// 2. Fills each `<!-- data-files -->` marker in index.html with links to the data files that the
//    build copied into dist/data/ (CSV, JSON and the schema README), so the links always match
//    the files that exist.
// 3. With SITE_URL set (the address the page is published at, ending in "/"), makes the social
//    preview image's address absolute and adds og:url: link previews need absolute addresses.
// 4. Checks that every relative href/src (and preview image) in index.html points at a file in
//    the build.
//
// Any surprise (no start-up script, two of them, an import it does not understand, a broken
// link) fails the build rather than shipping a page that does not start.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set: this script runs as a Trunk post_build hook.');
const htmlFile = path.join(staging, 'index.html');
let html = readFileSync(htmlFile, 'utf8');

// How long the start-up may take before the fallback says it is taking long (the page keeps
// trying; the app replaces the fallback if it does start).
const SLOW_AFTER_MS = 15000;

// ---- 1. The start-up script -------------------------------------------------------------
const inlineModule = /<script type="module"(?:\s+nonce="[^"]*")?>([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inlineModule)].filter((m) => /\bimport\s+init\b/.test(m[1]));
if (found.length !== 1) {
  fail(`expected exactly one inline start-up <script type="module"> in index.html, found ${found.length}`);
}
const [whole, body] = found[0];

// Trunk writes: import init[, * as bindings] from '<js>'; const wasm = await init(<arg>); ...
const importRe = /^\s*import\s+init(\s*,\s*\*\s+as\s+(\w+))?\s+from\s+'([^']+)'\s*;\s*$/m;
const imp = body.match(importRe);
if (!imp) fail(`cannot find "import init from '...'" in Trunk's start-up script:\n${body}`);
const rest = body.replace(importRe, '');
if (/^\s*import\s/m.test(rest)) fail(`unexpected extra import in Trunk's start-up script:\n${body}`);
const [, , bindingsName, jsUrl] = imp;

const startJs = `// Start-up of the explainer, written at build time by scripts/trunk-post-build.mjs from
// Trunk's inline start-up script (kept out of index.html so that the page runs under a strict
// Content-Security-Policy without inline scripts).
const fallbackStatus = document.getElementById('fallback-status');
const fallbackData = document.getElementById('fallback-data');
function tell(sentence) {
  if (!document.getElementById('fallback')) return; // the app started and removed the fallback
  if (fallbackStatus) fallbackStatus.textContent = sentence;
  if (fallbackData) fallbackData.hidden = false;
}
const slow = setTimeout(() => tell(
  'The interactive explainer is taking a long time to load. It will appear here if it starts; meanwhile the data behind it is linked below.'
), ${SLOW_AFTER_MS});
try {
  const init = (await import(${JSON.stringify(jsUrl)})).default;
${bindingsName ? `  const ${bindingsName} = await import(${JSON.stringify(jsUrl)});\n` : ''}${indent(rest.trim(), '  ')}
} catch (error) {
  console.error('The explainer could not start:', error);
  tell('The interactive explainer could not start in this browser (' + String((error && error.message) || error) + '). The data behind it is linked below.');
} finally {
  clearTimeout(slow);
}
`;

const digest = createHash('sha384').update(startJs).digest();
const startName = `start-${digest.toString('hex').slice(0, 16)}.js`;
writeFileSync(path.join(staging, startName), startJs);
const publicUrl = process.env.TRUNK_PUBLIC_URL || './';
const tag =
  `<script type="module" src="${publicUrl}${startName}" ` +
  `integrity="sha384-${digest.toString('base64')}" crossorigin="anonymous"></script>`;
html = html.replace(whole, tag);

// ---- 1b. Stylesheets are fetched with CORS, like the scripts ---------------------------------
// Trunk gives the stylesheet an integrity hash but no crossorigin attribute. A sandboxed embed
// (an opaque origin) then fetches it without CORS, and the integrity check blocks it.
// Trunk also closes it XML-style (`/>`), which the Nu Html Checker warns about: plain `>` here.
html = html.replace(/<link rel="stylesheet"(?![^>]*crossorigin)([^>]*)>/g, '<link rel="stylesheet" crossorigin="anonymous"$1>');
html = html.replace(/(<link rel="stylesheet"[^>]*?)\s*\/>/g, '$1>');

// ---- 1d. The stylesheet ships without its comments ------------------------------------------
// style/main.css explains itself in comments; readers need none of them (about 0.7 KB brotli).
// Only comments and runs of whitespace go (strings in it hold no double spaces), and the
// integrity hash is recomputed for what is served.
let stylesheets = 0;
html = html.replace(/<link rel="stylesheet"([^>]*?) href="([^"]+\.css)" integrity="sha384-[^"]*"/g, (all, attrs, href) => {
  stylesheets += 1;
  const file = stagedFile(href);
  if (!existsSync(file)) fail(`stylesheet ${href} is not in the build`);
  const css = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/([{;])(--?[\w-]+|[a-z][\w-]*): /g, '$1$2:')
    .replace(/;}/g, '}')
    .trim();
  writeFileSync(file, css);
  const hash = createHash('sha384').update(css).digest('base64');
  return `<link rel="stylesheet"${attrs} href="${href}" integrity="sha384-${hash}"`;
});
if (stylesheets !== 1) fail(`expected one stylesheet with an integrity hash in index.html, found ${stylesheets}`);

// ---- 1e. wasm-bindgen's glue ships without its doc comments ---------------------------------
// Its JSDoc blocks and whole-line comments are for editors (about 0.5 KB brotli). Code lines
// are left exactly as generated; the preload's integrity hash is recomputed.
let glue = 0;
html = html.replace(/<link rel="modulepreload" href="([^"]+\.js)"([^>]*?) integrity="sha384-[^"]*"/g, (all, href, attrs) => {
  glue += 1;
  const file = stagedFile(href);
  if (!existsSync(file)) fail(`script ${href} is not in the build`);
  const js = readFileSync(file, 'utf8')
    .replace(/^\s*\/\*\*(?:(?!\*\/)[\s\S])*\*\/[ \t]*$/gm, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\n\s*\n+/g, '\n');
  writeFileSync(file, js);
  const hash = createHash('sha384').update(js).digest('base64');
  return `<link rel="modulepreload" href="${href}"${attrs} integrity="sha384-${hash}"`;
});
if (glue !== 1) fail(`expected one preloaded wasm-bindgen script in index.html, found ${glue}`);

// ---- 1c. The wasm preload carries no integrity hash ----------------------------------------
// Chromium ignores `integrity` on a preload of destination "fetch" and says so in a console
// warning on every load; wasm-bindgen's own fetch of the module has no hash either.
html = html.replace(/<link rel="preload"([^>]*?) integrity="[^"]*"([^>]*as="fetch"[^>]*)>/g, '<link rel="preload"$1$2>');

// ---- 2. Data file links -------------------------------------------------------------------
const dataDir = path.join(staging, 'data');
const dataFiles = existsSync(dataDir)
  ? readdirSync(dataDir)
      .filter((name) => /\.(csv|json|md)$/i.test(name) && statSync(path.join(dataDir, name)).isFile())
      .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
  : [];
const marker = /<!--\s*data-files\s*-->/g;
if (marker.test(html)) {
  if (dataFiles.length === 0) fail('index.html asks for data file links, but the build has no data/*.csv|json');
  const items = dataFiles
    .map((name) => {
      const kind = name.toLowerCase().endsWith('.md') ? 'schema and sources, text' : name.split('.').pop().toUpperCase();
      const kb = Math.max(1, Math.round(statSync(path.join(dataDir, name)).size / 1024));
      return `<li><a href="data/${name}">${name}</a> (${kind}, ${kb} KB)</li>`;
    })
    .join('');
  html = html.replace(marker, `<ul class="data-files">${items}</ul>`);
}

// ---- 3. Absolute social preview addresses --------------------------------------------------
const siteUrl = process.env.SITE_URL;
if (siteUrl) {
  if (!/^https?:\/\/[^"<>\s]+\/$/.test(siteUrl)) fail(`SITE_URL must be an http(s) address ending in "/", got ${siteUrl}`);
  html = html.replace(/(<meta (?:property|name)="(?:og|twitter):image" content=")([^"]+)"/g, (all, head, file) => `${head}${siteUrl}${file}"`);
  html = html.replace('<meta property="og:type"', `<meta property="og:url" content="${siteUrl}">\n    <meta property="og:type"`);
}

// ---- 4. Every local reference exists -------------------------------------------------------
const missing = [];
for (const m of html.matchAll(/\s(?:href|src|property="og:image" content)="([^"]+)"/g)) {
  const ref = m[1];
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref)) continue; // absolute URL or fragment
  const rel = ref.replace(/^\.\//, '').replace(publicUrl === './' ? /^$/ : new RegExp('^' + escapeRe(publicUrl)), '');
  const file = path.join(staging, decodeURIComponent(rel.split(/[?#]/)[0]));
  if (!existsSync(file) || !statSync(file).isFile()) missing.push(ref);
}
if (missing.length) fail(`index.html refers to files the build does not contain: ${missing.join(', ')}`);

writeFileSync(htmlFile, html);
console.log(`post-build: start-up moved to ${startName}; ${dataFiles.length} data file links; all local references present`);

// ---- helpers ------------------------------------------------------------------------------
function order(name) {
  if (/^readme/i.test(name)) return 2;
  return name.toLowerCase().endsWith('.json') ? 1 : 0;
}
function indent(text, pad) {
  return text.split('\n').map((line) => (line ? pad + line : line)).join('\n');
}
function stagedFile(href) {
  const publicUrl = process.env.TRUNK_PUBLIC_URL || './';
  return path.join(staging, href.replace(/^\.\//, '').replace(new RegExp('^' + escapeRe(publicUrl)), ''));
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}
