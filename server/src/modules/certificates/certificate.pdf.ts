import QRCode from 'qrcode';
import type { CertificateContent } from './certificates.tables';
import { dateText, INK, MUTED, RED, renderPdf } from './pdf-document';

/** The QR code of the verification URL, drawn as squares (vector: sharp at any zoom, a few hundred bytes). */
const drawQr = (doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) => {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / (count + 8);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell);
    }
  }
  doc.fill('#000000');
};

/**
 * 继续教育证书 (one A4 page, landscape): the province, the person, the years and their hours, the serial, the issuing
 * bureau and date, and the QR code of the public verification URL. Chinese glyphs embedded (a subset of the font).
 */
export const renderCertificatePdf = (content: CertificateContent, meta: { serial: string; issuedAt: Date; verifyUrl: string }): Promise<Buffer> =>
  renderPdf(
    {
      layout: 'landscape',
      margin: 0,
      info: { Title: `${content.provinceName}专业技术人员继续教育证书 ${meta.serial}`, Author: content.issuerName, Subject: '继续教育证书' },
    },
    (doc) => {
      const W = doc.page.width;
      const H = doc.page.height;

      // Double border, as printed certificates have.
      doc
        .lineWidth(4)
        .strokeColor(RED)
        .rect(24, 24, W - 48, H - 48)
        .stroke();
      doc
        .lineWidth(1)
        .rect(34, 34, W - 68, H - 68)
        .stroke();

      doc.font('bold').fontSize(30).fillColor(RED).text('专业技术人员继续教育证书', 0, 70, { align: 'center', width: W, characterSpacing: 6 });
      doc.font('regular').fontSize(13).fillColor(MUTED).text(`${content.provinceName} · 电子证书`, 0, 114, { align: 'center', width: W });

      const left = 90;
      const rows: [string, string][] = [
        ['姓　　名', content.name],
        ['身份证号', content.idNumberMasked],
        ['工作单位', content.employerName],
        ['职称系列', `${content.titleSeriesName}（${content.titleLevelName}）`],
      ];
      let y = 160;
      for (const [label, value] of rows) {
        doc.font('regular').fontSize(13).fillColor(MUTED).text(label, left, y, { width: 90 });
        doc
          .font('bold')
          .fontSize(14)
          .fillColor(INK)
          .text(value, left + 96, y - 1, { width: 460 });
        y += 28;
      }

      const range = content.years.length === 1 ? `${content.years[0]!.year}年度` : `${content.years[0]!.year}—${content.years.at(-1)!.year}年度`;
      doc
        .font('regular')
        .fontSize(14)
        .fillColor(INK)
        .text(`该同志已完成${range}专业技术人员继续教育，经审核，学时达到规定要求，特发此证。`, left, y + 8, { width: W - 2 * left });

      // The years and their hours.
      const tableTop = y + 48;
      const cols = [left, left + 150, left + 300, left + 450];
      const head = ['年度', '公需科目（学时）', '专业科目（学时）', '合计（学时）'];
      doc.lineWidth(0.8).strokeColor('#8c8c8c');
      const rowH = 24;
      const lines = [...content.years.map((yr) => [`${yr.year}`, `${yr.public}`, `${yr.specialized}`, `${yr.total}`])];
      if (content.years.length > 1) lines.push(['合计', `${content.totals.public}`, `${content.totals.specialized}`, `${content.totals.total}`]);
      [head, ...lines].forEach((cells, r) => {
        const top = tableTop + r * rowH;
        doc.rect(left, top, 600, rowH).stroke();
        cells.forEach((cell, c) => {
          doc
            .font(r === 0 ? 'bold' : 'regular')
            .fontSize(12)
            .fillColor(INK)
            .text(cell, cols[c]!, top + 6, { width: 150, align: 'center' });
        });
      });

      // Issuer, date, serial; the QR code of the verification page at the right.
      const footY = H - 150;
      doc
        .font('bold')
        .fontSize(14)
        .fillColor(INK)
        .text(content.issuerName, W - 420, footY, { width: 300, align: 'center' });
      doc
        .font('regular')
        .fontSize(13)
        .text(dateText(meta.issuedAt), W - 420, footY + 26, { width: 300, align: 'center' });
      doc
        .circle(W - 270, footY + 18, 44)
        .lineWidth(2)
        .strokeColor(RED)
        .stroke();
      doc
        .font('regular')
        .fontSize(11)
        .fillColor(MUTED)
        .text(`证书编号：${meta.serial}`, left, footY + 6);
      doc.text('扫描二维码或访问“学习记录验证”输入证书编号核验真伪', left, footY + 26, { width: 320 });
      doc.text(meta.verifyUrl, left, footY + 44, { width: 380 });
      drawQr(doc, meta.verifyUrl, W - 150, footY - 16, 96);
    },
  );
