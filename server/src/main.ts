import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config';
import { openDatabase, roleWarning } from './platform/bootstrap';
import { buildApp, prepareServer, startJobs } from './app';
import { consoleGateway, discardGateway } from './platform/notify/notifier';
import { loadDemoData, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo/demo';
import { loginRoleLabels, type LoginRole } from '@cep/contracts';

const here = path.dirname(fileURLToPath(import.meta.url));

const main = async () => {
  const config = loadConfig();
  const { db, cluster, migrate } = await openDatabase(config);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await ctx?.jobs.stop().catch(() => {});
    await app?.close().catch(() => {});
    await db.destroy().catch(() => {});
    await cluster?.stop().catch(() => {});
    process.exit(code);
  };
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let ctx: Awaited<ReturnType<typeof prepareServer>> | undefined;
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    const withDemo = config.demoData === 'on' || (config.demoData === 'auto' && !config.databaseUrl);
    // The demo has no SMS carrier: messages (and their codes) are printed here. Production plugs in its own.
    await migrate();
    const warning = await roleWarning(db);
    if (warning) console.warn(warning);
    ctx = await prepareServer(config, db, { gateway: withDemo ? consoleGateway : discardGateway });
    const logins = withDemo ? await loadDemoData(ctx) : [];
    app = await buildApp({ ctx, webDist: path.resolve(here, '../../web/dist') });
    await app.listen({ port: config.port, host: config.host });
    await startJobs(ctx);
    console.log(
      `\n平台已启动: http://localhost:${config.port}   (省份配置: ${config.profile}, 数据库: ${config.databaseUrl ? 'DATABASE_URL' : `内置 PostgreSQL, ${path.resolve(config.dataDir)}`})`,
    );
    if (config.apiDocs !== 'off') console.log(`接口文档（管理员登录后可见）: http://localhost:${config.port}/api/docs`);
    if (logins.length) {
      console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}）:`);
      for (const l of logins)
        console.log(`  ${l.label.padEnd(10, '　')} 角色: ${loginRoleLabels[l.role as LoginRole]}  身份证号: ${l.idNumber}  ${l.org}`);
      console.log(
        `\n管理员登录须输入动态口令：演示管理员均已绑定身份验证器密钥 ${DEMO_TOTP_SECRET}（可添加到手机身份验证器 App），或在另一个窗口运行 npm run -s demo:otp 查看当前口令。`,
      );
      console.log('演示环境没有短信通道：发往手机和邮箱的消息（含“忘记密码”验证码）打印在本窗口。');
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
};

main().catch((error: unknown) => {
  // Start-up refusals (a held data folder, a bad variable, another province's database) are messages, not crashes.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
