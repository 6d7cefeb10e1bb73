import { randomInt } from 'node:crypto';

export const CAPTCHA_WIDTH = 300;
export const CAPTCHA_HEIGHT = 150;
export const CAPTCHA_PIECE = 44;

type Shape =
  | { kind: 'circle'; x: number; y: number; r: number; fill: string; opacity: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; opacity: number };

/** The puzzle outline in a 44x44 box: a square body with a knob on top and one on the right. */
const piecePath = (x: number, y: number) =>
  `M${x} ${y + 8}H${x + 11}A7 7 0 1 1 ${x + 25} ${y + 8}H${x + 36}V${y + 19}A7 7 0 1 1 ${x + 36} ${y + 33}V${y + 44}H${x}Z`;

const color = () => `hsl(${randomInt(0, 360)},${randomInt(40, 80)}%,${randomInt(35, 75)}%)`;

const randomShapes = (count: number): Shape[] =>
  Array.from({ length: count }, () =>
    randomInt(0, 2) === 0
      ? { kind: 'circle', x: randomInt(0, CAPTCHA_WIDTH), y: randomInt(0, CAPTCHA_HEIGHT), r: randomInt(8, 40), fill: color(), opacity: randomInt(30, 80) / 100 }
      : { kind: 'rect', x: randomInt(-20, CAPTCHA_WIDTH), y: randomInt(-20, CAPTCHA_HEIGHT), w: randomInt(15, 80), h: randomInt(10, 60), fill: color(), opacity: randomInt(30, 80) / 100 },
  );

const renderShape = (s: Shape, dx: number, dy: number) =>
  s.kind === 'circle'
    ? `<circle cx="${s.x - dx}" cy="${s.y - dy}" r="${s.r}" fill="${s.fill}" fill-opacity="${s.opacity}"/>`
    : `<rect x="${s.x - dx}" y="${s.y - dy}" width="${s.w}" height="${s.h}" fill="${s.fill}" fill-opacity="${s.opacity}"/>`;

const scene = (shapes: Shape[], from: string, to: string, dx: number, dy: number) =>
  `<defs><linearGradient id="g" gradientUnits="userSpaceOnUse" x1="${-dx}" y1="${-dy}" x2="${CAPTCHA_WIDTH - dx}" y2="${CAPTCHA_HEIGHT - dy}">` +
  `<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
  `<rect x="${-dx}" y="${-dy}" width="${CAPTCHA_WIDTH}" height="${CAPTCHA_HEIGHT}" fill="url(#g)"/>` +
  shapes.map((s) => renderShape(s, dx, dy)).join('');

const dataUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/** Draws the background (with the gap at targetX) and the matching piece, both as SVG data URLs. */
export const drawCaptcha = (targetX: number, pieceY: number) => {
  const shapes = randomShapes(14);
  const [from, to] = [color(), color()];
  const svg = (w: number, h: number, body: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;
  const background = svg(
    CAPTCHA_WIDTH,
    CAPTCHA_HEIGHT,
    scene(shapes, from, to, 0, 0) +
      `<path d="${piecePath(targetX, pieceY)}" fill="#000" fill-opacity="0.45" stroke="#fff" stroke-opacity="0.8" stroke-width="1.5"/>`,
  );
  const piece = svg(
    CAPTCHA_PIECE,
    CAPTCHA_PIECE,
    `<clipPath id="c"><path d="${piecePath(0, 0)}"/></clipPath><g clip-path="url(#c)">${scene(shapes, from, to, targetX, pieceY)}</g>` +
      `<path d="${piecePath(0, 0)}" fill="none" stroke="#fff" stroke-width="2"/>`,
  );
  return { background: dataUrl(background), piece: dataUrl(piece) };
};
