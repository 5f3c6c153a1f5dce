import { crc32, deflateRawSync } from 'node:zlib';

/** One file of a zip package: its name in the package and its bytes. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** MS-DOS date and time words (the zip format's), read in UTC so that the bytes do not depend on the machine's zone. */
function dosDateTime(when: Date): { date: number; time: number } {
  const year = Math.min(Math.max(when.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
  };
}

/**
 * A zip package of `entries` in the order given, every entry dated `when` and
 * deflated by Node's zlib (native, several times faster than a JavaScript deflate
 * on an Office file's XML). The same entries and date give the same bytes with the
 * same zlib. Entries and the package stay under 4 GiB (no Zip64): an Office file is
 * far smaller, and a larger one is refused rather than written wrong.
 */
export function writeZip(entries: readonly ZipEntry[], when: Date): Uint8Array {
  const { date, time } = dosDateTime(when);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    // Bit 11: the name is UTF-8 (set only where it matters, as Office does).
    const flags = name.length !== entry.name.length ? 0x0800 : 0;
    const compressed = deflateRawSync(entry.data, { level: 6 });
    const crc = crc32(entry.data);
    if (entry.data.byteLength >= 0xffffffff || offset >= 0xffffffff) throw new Error(`zip: ${entry.name} does not fit a package without Zip64`);
    // The fields the local header and the central directory share, in the same order.
    const fields = Buffer.alloc(26);
    fields.writeUInt16LE(20, 0); // version needed: deflate
    fields.writeUInt16LE(flags, 2);
    fields.writeUInt16LE(8, 4); // method: deflate
    fields.writeUInt16LE(time, 6);
    fields.writeUInt16LE(date, 8);
    fields.writeUInt32LE(crc, 10);
    fields.writeUInt32LE(compressed.byteLength, 14);
    fields.writeUInt32LE(entry.data.byteLength, 18);
    fields.writeUInt16LE(name.length, 22);
    // Extra field length 0 (and in the central directory: comment, disk, internal and external attributes none).
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields.copy(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, zip 2.0
    fields.copy(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.byteLength;
  }
  const centralSize = centrals.reduce((n, b) => n + b.byteLength, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}
