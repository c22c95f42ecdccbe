import { MAX_CSV_BYTES } from '../../core/sources/csv/csv-reader';
import { DomainError } from '../../core/domain-error';

/** A file as the renderer sent it (base64), refused by its size before it is decoded. */
export function fileOf(file: { name: string; base64: string }): { name: string; content: Buffer } {
  // Four base64 characters carry three bytes.
  if (Math.floor((file.base64.length * 3) / 4) > MAX_CSV_BYTES + 2) {
    throw new DomainError('csv_file_too_large', `${file.name} is larger than 200 MB.`);
  }
  const bytes = Buffer.from(file.base64, 'base64');
  if (bytes.length > MAX_CSV_BYTES) throw new DomainError('csv_file_too_large', `${file.name} has ${bytes.length} bytes; at most ${MAX_CSV_BYTES} (200 MB) are read.`);
  return { name: file.name, content: bytes };
}
