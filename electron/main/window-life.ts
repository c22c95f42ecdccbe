// The window on an office PC: closing it hides it to the tray (Larder keeps its nightly run going),
// the first time with a notice saying so; Quit in the tray really quits. Size and place are kept.

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of BrowserWindow used here. */
export interface WindowLike {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): void;
  on(event: 'resize' | 'move', listener: () => void): void;
  hide(): void;
  getBounds(): Bounds;
  isDestroyed(): boolean;
}

export interface CloseToTrayOptions {
  /** True once the user chose Quit: then closing closes. */
  quitting: () => boolean;
  enabled: () => boolean;
  noticeShown: () => boolean;
  showNotice: () => void;
}

export function hideToTrayOnClose(window: WindowLike, options: CloseToTrayOptions): void {
  window.on('close', (event) => {
    if (options.quitting() || !options.enabled()) return;
    event.preventDefault();
    window.hide();
    if (!options.noticeShown()) options.showNotice();
  });
}

export function rememberBounds(window: WindowLike, save: (bounds: Bounds) => void): void {
  const store = () => {
    if (!window.isDestroyed()) save(window.getBounds());
  };
  window.on('resize', store);
  window.on('move', store);
}
