import { randomInt } from 'node:crypto';
import { PNG } from 'pngjs';

export const CAPTCHA_WIDTH = 300;
export const CAPTCHA_HEIGHT = 150;
export const CAPTCHA_PIECE = 44;

type Rgb = [number, number, number];
type Shape = { kind: 'circle' | 'rect'; x: number; y: number; w: number; h: number; color: Rgb; opacity: number };

/** A random colour of medium saturation and lightness, as RGB. */
const color = (): Rgb => {
  const [h, s, l] = [randomInt(0, 360), randomInt(40, 80) / 100, randomInt(35, 75) / 100];
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return [f(0), f(8), f(4)];
};

const randomShapes = (count: number): Shape[] =>
  Array.from({ length: count }, () => {
    const circle = randomInt(0, 2) === 0;
    const r = randomInt(8, 40);
    return circle
      ? {
          kind: 'circle',
          x: randomInt(0, CAPTCHA_WIDTH),
          y: randomInt(0, CAPTCHA_HEIGHT),
          w: r,
          h: r,
          color: color(),
          opacity: randomInt(30, 80) / 100,
        }
      : {
          kind: 'rect',
          x: randomInt(-20, CAPTCHA_WIDTH),
          y: randomInt(-20, CAPTCHA_HEIGHT),
          w: randomInt(15, 80),
          h: randomInt(10, 60),
          color: color(),
          opacity: randomInt(30, 80) / 100,
        };
  });

/** The puzzle outline in a 44x44 box: a square body with a knob on top and one on the right. */
const inPiece = (x: number, y: number) =>
  (x >= 0 && x < 36 && y >= 8 && y < 44) || (x - 18) ** 2 + (y - 8) ** 2 <= 49 || (x - 36) ** 2 + (y - 26) ** 2 <= 49;

const onPieceEdge = (x: number, y: number) => inPiece(x, y) && (!inPiece(x - 1, y) || !inPiece(x + 1, y) || !inPiece(x, y - 1) || !inPiece(x, y + 1));

/** The picture as RGB pixels (3 numbers each): a diagonal gradient, then each translucent shape over its own box only. */
const paintScene = (): Float32Array => {
  const pixels = new Float32Array(CAPTCHA_WIDTH * CAPTCHA_HEIGHT * 3);
  const [from, to] = [color(), color()];
  for (let y = 0; y < CAPTCHA_HEIGHT; y++) {
    for (let x = 0; x < CAPTCHA_WIDTH; x++) {
      const t = (x / CAPTCHA_WIDTH + y / CAPTCHA_HEIGHT) / 2;
      for (let c = 0; c < 3; c++) pixels[(y * CAPTCHA_WIDTH + x) * 3 + c] = from[c]! + (to[c]! - from[c]!) * t;
    }
  }
  for (const s of randomShapes(14)) {
    const circle = s.kind === 'circle';
    const [x0, y0] = circle ? [s.x - s.w, s.y - s.w] : [s.x, s.y];
    const [x1, y1] = circle ? [s.x + s.w, s.y + s.w] : [s.x + s.w - 1, s.y + s.h - 1];
    for (let y = Math.max(0, y0); y <= Math.min(CAPTCHA_HEIGHT - 1, y1); y++) {
      for (let x = Math.max(0, x0); x <= Math.min(CAPTCHA_WIDTH - 1, x1); x++) {
        if (circle && (x - s.x) ** 2 + (y - s.y) ** 2 > s.w ** 2) continue;
        const i = (y * CAPTCHA_WIDTH + x) * 3;
        for (let c = 0; c < 3; c++) pixels[i + c]! += (s.color[c]! - pixels[i + c]!) * s.opacity;
      }
    }
  }
  return pixels;
};

const sceneAt = (pixels: Float32Array, x: number, y: number): Rgb => {
  const i = (y * CAPTCHA_WIDTH + x) * 3;
  return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
};

const encode = (png: PNG) => `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;

const setPixel = (png: PNG, x: number, y: number, [r, g, b]: Rgb, alpha = 255) => {
  const i = (png.width * y + x) * 4;
  png.data[i] = r;
  png.data[i + 1] = g;
  png.data[i + 2] = b;
  png.data[i + 3] = alpha;
};

/**
 * Draws the background with the gap at (targetX, pieceY) and the matching piece as PNG pictures: pixels only,
 * so the gap's position is nowhere in the answer as text (an SVG would carry it as coordinates).
 */
export const drawCaptcha = (targetX: number, pieceY: number) => {
  const pixels = paintScene();
  const background = new PNG({ width: CAPTCHA_WIDTH, height: CAPTCHA_HEIGHT });
  for (let y = 0; y < CAPTCHA_HEIGHT; y++) {
    for (let x = 0; x < CAPTCHA_WIDTH; x++) {
      const [px, py] = [x - targetX, y - pieceY];
      const rgb = sceneAt(pixels, x, y);
      if (onPieceEdge(px, py)) setPixel(background, x, y, rgb.map((c) => c + (255 - c) * 0.8) as Rgb);
      else if (inPiece(px, py)) setPixel(background, x, y, rgb.map((c) => c * 0.55) as Rgb);
      else setPixel(background, x, y, rgb);
    }
  }
  const piece = new PNG({ width: CAPTCHA_PIECE, height: CAPTCHA_PIECE });
  for (let y = 0; y < CAPTCHA_PIECE; y++) {
    for (let x = 0; x < CAPTCHA_PIECE; x++) {
      if (onPieceEdge(x, y)) setPixel(piece, x, y, [255, 255, 255]);
      else if (inPiece(x, y)) setPixel(piece, x, y, sceneAt(pixels, x + targetX, y + pieceY));
      else setPixel(piece, x, y, [0, 0, 0], 0);
    }
  }
  return { background: encode(background), piece: encode(piece) };
};
