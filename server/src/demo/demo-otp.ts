import { Secret, TOTP } from 'otpauth';
import { DEMO_TOTP_SECRET } from './demo';

/** `npm run -s demo:otp`: the demo admins' current 动态口令, for trying the demo without an authenticator app. */
const totp = new TOTP({ secret: Secret.fromBase32(DEMO_TOTP_SECRET), digits: 6, period: 30, algorithm: 'SHA1' });
const left = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`演示管理员当前动态口令: ${totp.generate()}（${left} 秒后更新）`);
