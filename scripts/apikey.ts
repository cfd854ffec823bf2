import { createApiKey, listApiKeys, revokeApiKey } from '../src/auth/apiKeys.js';
import { ROLES, type Role } from '../src/auth/principal.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { createLogger } from '../src/logger.js';

/**
 * `npm run apikey -- create --name NAME --role reader|editor|admin`: prints the key once.
 * `npm run apikey -- list`, `npm run apikey -- revoke ID`.
 */
const USAGE = `usage:
  npm run apikey -- create --name NAME --role ${ROLES.join('|')}
  npm run apikey -- list
  npm run apikey -- revoke ID`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

const [command, ...args] = process.argv.slice(2);
if (!['create', 'list', 'revoke'].includes(command ?? '')) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const connection = await connect(loadConfig().neo4j, createLogger(process.env.LOG_LEVEL ?? 'warn'));
let exitCode = 0;
try {
  if (command === 'create') {
    const name = option(args, 'name');
    const role = option(args, 'role') as Role | undefined;
    if (!name || !role || !ROLES.includes(role)) {
      process.stderr.write(`${USAGE}\n`);
      exitCode = 2;
    } else {
      const { key, info } = await createApiKey(connection.db, name, role);
      process.stdout.write(`created API key ${info.id} (${info.name}, ${info.role}). It is shown only now:\n${key}\n`);
    }
  } else if (command === 'list') {
    for (const key of await listApiKeys(connection.db)) {
      process.stdout.write(
        `${key.id}  ${key.role.padEnd(6)}  ${key.name}  created ${key.createdAt}${key.revokedAt ? `  revoked ${key.revokedAt}` : ''}\n`,
      );
    }
  } else {
    const id = args[0];
    if (!id) {
      process.stderr.write(`${USAGE}\n`);
      exitCode = 2;
    } else if (await revokeApiKey(connection.db, id)) {
      process.stdout.write(`revoked ${id}\n`);
    } else {
      process.stderr.write(`no API key ${id}\n`);
      exitCode = 1;
    }
  }
} finally {
  await connection.close();
}
process.exit(exitCode);
