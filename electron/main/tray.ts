// The tray icon and menu, rebuilt from trayState() whenever the engine's state may have changed.
import { join } from 'node:path';
import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayState } from './tray-state';

export class LarderTray {
  private readonly tray: Tray;

  constructor(
    private readonly resources: string,
    private readonly onAction: (action: TrayAction) => void,
  ) {
    this.tray = new Tray(this.image('ok'));
    this.tray.on('click', () => onAction('open'));
  }

  private image(icon: TrayState['icon']) {
    // tray-<state>.png with tray-<state>@2x.png beside it: Electron picks the one for the display.
    return nativeImage.createFromPath(join(this.resources, `tray-${icon}.png`));
  }

  show(state: TrayState): void {
    this.tray.setImage(this.image(state.icon));
    this.tray.setToolTip(state.tooltip);
    const template: MenuItemConstructorOptions[] = state.menu.map((item) =>
      item.type === 'separator'
        ? { type: 'separator' }
        : item.type === 'status'
          ? { label: item.label, enabled: false }
          : { label: item.label, enabled: item.enabled, click: () => this.onAction(item.action) },
    );
    this.tray.setContextMenu(Menu.buildFromTemplate(template));
  }

  destroy(): void {
    this.tray.destroy();
  }
}

export const resourcesFolder = () => (app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'));
