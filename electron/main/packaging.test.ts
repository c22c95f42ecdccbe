import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const config = JSON.parse(readFileSync('electron-builder.json', 'utf8')) as Record<string, Record<string, unknown>> & { files: string[]; extraResources: { filter: string[] }[] };

describe('the packaging configuration', () => {
  it('builds NSIS, dmg, AppImage and deb with the app id, product name and icons', () => {
    expect([config.appId, config.productName]).toEqual(['app.larder.desktop', 'Larder']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    for (const platform of ['win', 'mac', 'linux']) expect(existsSync(config[platform]?.icon as string)).toBe(true);
    for (const state of ['ok', 'warning', 'error']) {
      expect(existsSync(`resources/tray-${state}.png`) && existsSync(`resources/tray-${state}@2x.png`)).toBe(true);
    }
  });

  it('sets the fuses: no run-as-node, no NODE_OPTIONS, no inspect arguments, asar integrity on', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships the migrations the app applies when the database opens', () => {
    expect(config.files).toContain('electron/core/db/migrations/**');
  });
});
