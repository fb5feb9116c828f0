#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml). Runs on the staged build in $TRUNK_STAGING_DIR:
//
// 1. Moves Trunk's inline start-up <script type="module"> into a same-origin file
//    `start-<hash>.js`, so the page runs under `script-src 'self' 'wasm-unsafe-eval'` with no
//    hash or nonce (trunk issue #288). The file wraps the start-up in try/catch with a timeout:
//    if the bundle fails to load or start, the static fallback says so and links the data files
//    instead of saying "Loading…" forever. The stylesheet and wasm-bindgen's glue are minified
//    (their integrity hashes are recomputed).
// 2. Fills each `<!-- data-files -->` marker in index.html with links to the data files that the
//    build copied into dist/data/ (CSV, JSON and the schema README), so the links always match
//    the files that exist.
// 3. With SITE_URL set (the address the page is published at, ending in "/"), makes the social
//    preview image's address absolute and adds og:url: link previews need absolute addresses.
// 4. Checks that every relative href/src (and preview image) in index.html points at a file in
//    the build.
// 5. Drops index.html's comments and the line breaks and indentation between its tags.
//
// Any surprise (no start-up script, two of them, an import it does not understand, a broken
// link) fails the build rather than shipping a page that does not start.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

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

const startMin = transformSync(startJs, { loader: 'js', minify: true, format: 'esm', target: 'es2022' }).code;
const digest = createHash('sha384').update(startMin).digest();
const startName = `start-${digest.toString('hex').slice(0, 16)}.js`;
writeFileSync(path.join(staging, startName), startMin);
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

// ---- 1d. The stylesheet and wasm-bindgen's glue ship minified ------------------------------
// Both explain themselves in comments and whitespace that readers need none of (esbuild's
// minifier, pinned in package-lock.json: about 1.5 KB brotli). Names the page or the wasm
// reaches are exports and property names, which minifying keeps. Their integrity hashes are
// recomputed for what is served.
function minifyInPlace(href, loader) {
  const file = stagedFile(href);
  if (!existsSync(file)) fail(`${href} is not in the build`);
  const out = transformSync(readFileSync(file, 'utf8'), { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, target: 'es2022', legalComments: 'none' }).code;
  writeFileSync(file, out);
  return createHash('sha384').update(out).digest('base64');
}
let stylesheets = 0;
html = html.replace(/<link rel="stylesheet"([^>]*?) href="([^"]+\.css)" integrity="sha384-[^"]*"/g, (all, attrs, href) => {
  stylesheets += 1;
  return `<link rel="stylesheet"${attrs} href="${href}" integrity="sha384-${minifyInPlace(href, 'css')}"`;
});
if (stylesheets !== 1) fail(`expected one stylesheet with an integrity hash in index.html, found ${stylesheets}`);
let glue = 0;
html = html.replace(/<link rel="modulepreload" href="([^"]+\.js)"([^>]*?) integrity="sha384-[^"]*"/g, (all, href, attrs) => {
  glue += 1;
  return `<link rel="modulepreload" href="${href}"${attrs} integrity="sha384-${minifyInPlace(href, 'js')}"`;
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

// ---- 5. Comments and the indentation between tags are for the source, not the reader -----
html = html.replace(/<!--[\s\S]*?-->/g, '').replace(/>\s*\n\s*</g, '><');

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
