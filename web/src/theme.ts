import type { ThemeConfig } from 'antd';

/** A sober government-service look: one blue, square-ish corners, system CJK fonts. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    colorLink: '#1f5fbf',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif',
  },
  components: {
    Layout: { headerBg: '#1f4f9e', siderBg: '#ffffff', bodyBg: '#f2f4f8' },
  },
};
