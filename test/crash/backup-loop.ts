// Child process for the backup crash test: backs the database up again and again, one page per step,
// until the parent kills it with SIGKILL at some moment of a backup.
import Database from 'better-sqlite3';
import { takeBackup, type BackupPlace } from '../../electron/core/backup/backups';

const [databaseFile, placeJson] = process.argv.slice(2);
const source = new Database(databaseFile as string);
const place = JSON.parse(placeJson as string) as Omit<BackupPlace, 'clock'>;
process.stdout.write('ready\n');
for (;;) await takeBackup(source, { ...place, clock: { now: () => new Date() } }, 'before-change');
