import { z } from 'zod';

/** Small settings kept outside the database (electron-store in the app, a JSON file under Node). */
export const settingsSchema = z.object({
  /** Linux only: accept Electron's "basic_text" secret storage, which is obfuscation, not encryption. */
  allowWeakSecretStorage: z.boolean().default(false),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
