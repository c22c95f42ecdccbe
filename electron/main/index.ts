// The desktop shell: the only code that imports Electron. It wires the engine to a hardened window,
// IPC, the tray, the nightly scheduler and notifications; every rule it applies lives in a small
// module of its own, tested under Node.
import { app, BrowserWindow, ipcMain, Menu, Notification, powerMonitor } from 'electron';
import { EVENT_CHANNEL } from '../../shared/ipc/channels';
import { listOpenAlerts } from '../core/alerts/alerts';
import { DemoAccount } from '../demo/demo-account';
import type { Engine } from '../core/engine';
import { startEngine } from '../core/backup/startup';
import type { Platform } from '../core/platform/platform';
import { createRecoveryDispatch, recoveryProblemOf, type RecoveryProblem } from '../fronts/ipc/recovery';
import { bugLogger, createDispatch } from '../fronts/ipc/dispatch';
import { createHandlers } from '../fronts/ipc/handlers';
import { setAutoIssueForAll } from '../core/locations/location-config';
import { desktopStatus } from '../core/scheduler/desktop-status';
import { NightlyScheduler } from '../core/scheduler/nightly-scheduler';
import { runDue } from '../core/scheduler/run-due';
import { AlertNotifications, type AlertNotice } from './alert-notifications';
import { createElectronPlatform } from './electron-platform';
import { registerIpc } from './ipc-bridge';
import { LarderTray, resourcesFolder } from './tray';
import { trayState, type LastRun, type TrayAction } from './tray-state';
import { createMainWindow, createServerWindow, isOwnFrame } from './window';
import { hideToTrayOnClose, rememberBounds } from './window-life';

let engine: Engine | undefined;
let mainWindow: BrowserWindow | undefined;
let tray: LarderTray | undefined;
let scheduler: NightlyScheduler | undefined;
let quitting = false;
let lastRun: LastRun | null = null;
let notifications: AlertNotifications | undefined;
let demo: DemoAccount | undefined;

function openWindow(current: Engine): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  const { settings } = current.platform;
  mainWindow = createMainWindow(settings.get('windowBounds'));
  hideToTrayOnClose(mainWindow, {
    quitting: () => quitting,
    enabled: () => settings.get('closeToTray'),
    noticeShown: () => settings.get('trayNoticeShown'),
    showNotice: () => {
      settings.set('trayNoticeShown', true);
      current.platform.notifier.notify({ title: 'Larder is still running', body: 'It keeps the nightly issue going from the tray. Use Quit in the tray menu to stop it.' });
    },
  });
  rememberBounds(mainWindow, (bounds) => settings.set('windowBounds', bounds));
  mainWindow.on('closed', () => (mainWindow = undefined));
}

function notify(current: Engine, notice: AlertNotice): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: notice.title, body: notice.body });
  notification.on('click', () => {
    openWindow(current);
    void mainWindow?.webContents.executeJavaScript(`location.hash = '#/${notice.screen}'`);
  });
  notification.show();
}

async function refreshTray(current: Engine): Promise<void> {
  tray?.show(trayState(await desktopStatus(current), lastRun, scheduler?.busy ?? false));
}

async function onTrayAction(current: Engine, action: TrayAction): Promise<void> {
  if (action === 'open') openWindow(current);
  else if (action === 'quit') app.quit();
  else if (action === 'run-due') void scheduler?.trigger('manual');
  else await setAutoIssueForAll(current.scope, action === 'resume-all');
  await refreshTray(current);
}

async function runScheduled(current: Engine): Promise<void> {
  await refreshTray(current);
  try {
    const result = await runDue(current.transfers);
    const posted = result.locations.reduce((sum, location) => sum + location.posted.length, 0);
    const failed = result.locations.reduce((sum, location) => sum + location.failed.length, 0);
    lastRun = { at: current.platform.clock.now().toISOString(), ok: failed === 0, summary: failed ? `${failed} day(s) failed` : `${posted} day(s) posted` };
  } catch (error) {
    lastRun = { at: current.platform.clock.now().toISOString(), ok: false, summary: (error as Error).message };
  }
  notifications?.announce(await listOpenAlerts(current.scope));
  await refreshTray(current);
  // The day's backup after the night's posting, so it holds last night's days.
  try {
    await current.backups.ifDue();
  } catch (error) {
    current.log.error('The automatic backup failed', error);
  }
}

/**
 * A database Larder will not open: the window shows the recovery screen, whose restore (or, for a
 * server, "Try again") starts the app again (after answering, so the screen can say so first).
 */
function openRecovery(platform: Platform, problem: RecoveryProblem): void {
  registerIpc(
    ipcMain,
    createRecoveryDispatch(platform, problem, async () => {
      setTimeout(() => {
        app.relaunch();
        app.exit(0);
      }, 1500);
    }),
    isOwnFrame,
  );
  mainWindow = createMainWindow(null);
  // No tray in recovery: closing the window ends Larder.
  mainWindow.on('closed', () => app.quit());
}

/**
 * "Use a Larder server" (Settings): this app is a window on the server, with no engine, scheduler or
 * tray of its own; the app menu undoes the choice and restarts on this PC's own data.
 */
function openServerWindow(platform: Platform, serverAddress: string): void {
  const leave = () => {
    platform.settings.set('serverAddress', null);
    app.relaunch();
    app.exit(0);
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: 'Larder', submenu: [{ label: `On ${new URL(serverAddress).host}`, enabled: false }, { label: 'Use this computer’s own data', click: leave }, { type: 'separator' }, { role: 'quit' }] },
      { role: 'editMenu' },
      { role: 'viewMenu' },
    ]),
  );
  mainWindow = createServerWindow(platform.settings.get('windowBounds'), serverAddress);
  rememberBounds(mainWindow, (bounds) => platform.settings.set('windowBounds', bounds));
  mainWindow.on('closed', () => app.quit());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => (engine ? openWindow(engine) : mainWindow?.focus()));

  void app.whenReady().then(async () => {
    const platform = createElectronPlatform();
    const serverAddress = platform.settings.get('serverAddress');
    if (serverAddress) {
      openServerWindow(platform, serverAddress);
      return;
    }
    let current: Engine;
    try {
      current = await startEngine(platform, 'electron');
    } catch (error) {
      const problem = recoveryProblemOf(platform, error);
      if (!problem) throw error;
      openRecovery(platform, problem);
      return;
    }
    engine = current;
    demo = new DemoAccount(current);
    void demo.resume().catch((error: Error) => console.error('[larder] the demo account could not start again', error));
    registerIpc(ipcMain, createDispatch(createHandlers(current, demo), bugLogger(current)), isOwnFrame);
    current.events.subscribe((event) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENT_CHANNEL, event);
      if (event.type !== 'settings:changed') return;
      app.setLoginItemSettings({ openAtLogin: current.platform.settings.get('startAtLogin') });
      // Chosen in Settings: start again as a window on the server.
      if (current.platform.settings.get('serverAddress')) {
        app.relaunch();
        app.quit();
      }
    });
    app.setLoginItemSettings({ openAtLogin: current.platform.settings.get('startAtLogin') });
    notifications = new AlertNotifications((notice) => notify(current, notice));
    tray = new LarderTray(resourcesFolder(), (action) => void onTrayAction(current, action).catch((error: unknown) => console.error('[larder] a tray action failed', error)));
    scheduler = new NightlyScheduler({
      clock: current.platform.clock,
      timers: { setInterval, clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout) },
      nightlyTime: () => current.platform.settings.get('nightlyRunTime'),
      runDue: () => runScheduled(current),
    });
    powerMonitor.on('resume', () => void scheduler?.resumed());
    openWindow(current);
    scheduler.start();
  });

  // The window closes to the tray; the app ends only through Quit.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', () => {
    scheduler?.dispose();
    tray?.destroy();
    void demo?.close();
    engine?.close();
  });
}
