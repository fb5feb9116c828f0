// Brotli bytes of each section of a wasm file (code, data, imports, ...), and of the whole file:
// which part of the bundle a size change lands in. Used by scripts/size-profile.sh.
// Usage: node scripts/wasm-sections.mjs FILE.wasm [...]
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;

for (const file of process.argv.slice(2)) {
  const b = readFileSync(file);
  if (b.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file}: not a wasm module`);
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = b[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  console.log(`${file} (bytes: raw, brotli quality 11)`);
  while (at < b.length) {
    const id = b[at++];
    const size = leb();
    const body = b.subarray(at, at + size);
    let name = NAMES[id] ?? `section ${id}`;
    if (id === 0) {
      const start = at;
      const length = leb();
      name = `custom "${b.subarray(at, at + length).toString()}"`;
      at = start;
    }
    if (size >= 256) console.log(`  ${name.padEnd(28)} ${String(size).padStart(9)} ${String(brotli(body)).padStart(9)}`);
    at += size;
  }
  console.log(`  ${'whole file'.padEnd(28)} ${String(b.length).padStart(9)} ${String(brotli(b)).padStart(9)}`);
}
