import { MAX_CSV_BYTES } from '../../../../shared/model/csv';
import { IpcCallError } from '../../ipc/client';

/** A chosen file for main: refused by its size before a byte is read, then sent as base64. */
export async function readForUpload(file: File): Promise<{ name: string; base64: string }> {
  if (file.size > MAX_CSV_BYTES) {
    throw new IpcCallError({ code: 'csv_file_too_large', message: `${file.name} has ${file.size.toLocaleString()} bytes; at most 200 MB are read.` });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  // btoa takes a binary string; built in slices, since one call with millions of arguments overflows the stack.
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return { name: file.name, base64: btoa(binary) };
}
