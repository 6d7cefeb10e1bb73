import type { HoursStatement } from './hours-statement';
import { dateText, INK, MUTED, RED, renderPdf } from './pdf-document';

const MARGIN = 48;

/**
 * 学时证明 (A4 portrait): the person, each year's standard, hours and result, then every record behind them. One page
 * for a usual range; a long one continues on further pages with the table's head repeated and the pages numbered.
 */
export const renderHoursStatementPdf = (s: HoursStatement, meta: { printedAt: Date; printedBy: string }): Promise<Buffer> =>
  renderPdf(
    {
      margin: MARGIN,
      bufferPages: true,
      info: { Title: `${s.provinceName}专业技术人员继续教育学时证明 ${s.name}`, Author: s.issuerName, Subject: '学时证明' },
    },
    (doc) => {
      const W = doc.page.width;
      const H = doc.page.height;
      const width = W - 2 * MARGIN;
      const range = s.fromYear === s.toYear ? `${s.fromYear}年度` : `${s.fromYear}—${s.toYear}年度`;
      doc.font('bold').fontSize(20).fillColor(RED).text('专业技术人员继续教育学时证明', MARGIN, 56, { width, align: 'center', characterSpacing: 3 });
      doc.font('regular').fontSize(11).fillColor(MUTED).text(`${s.provinceName} · ${range}`, MARGIN, 88, { width, align: 'center' });

      let y = 120;
      const facts: [string, string][] = [
        ['姓名', s.name],
        ['身份证号', s.idNumberMasked],
        ['工作单位', s.employerName],
        ['职称系列', `${s.titleSeriesName}（${s.titleLevelName}）`],
      ];
      facts.forEach(([label, value], i) => {
        const x = MARGIN + (i % 2) * (width / 2);
        doc.font('regular').fontSize(10).fillColor(MUTED).text(label, x, y, { width: 60 });
        doc
          .font('bold')
          .fontSize(10.5)
          .fillColor(INK)
          .text(value, x + 60, y - 0.5, { width: width / 2 - 66, lineBreak: false, ellipsis: true });
        if (i % 2 === 1) y += 20;
      });

      /** A table whose rows grow to fit wrapped cells; a row that does not fit goes to a new page under the head again. */
      const table = (head: string[], widths: number[], rows: string[][]) => {
        const heightOf = (cells: string[], bold: boolean) =>
          Math.max(
            20,
            ...cells.map(
              (cell, c) =>
                doc
                  .font(bold ? 'bold' : 'regular')
                  .fontSize(9.5)
                  .heightOfString(cell, { width: widths[c]! - 8 }) + 10,
            ),
          );
        const drawRow = (cells: string[], bold: boolean) => {
          const rowH = heightOf(cells, bold);
          let x = MARGIN;
          doc.lineWidth(0.6).strokeColor('#8c8c8c').rect(MARGIN, y, width, rowH).stroke();
          cells.forEach((cell, c) => {
            doc
              .font(bold ? 'bold' : 'regular')
              .fontSize(9.5)
              .fillColor(INK)
              .text(cell, x + 4, y + 5, { width: widths[c]! - 8, align: c === 0 ? 'left' : 'center' });
            x += widths[c]!;
          });
          y += rowH;
        };
        drawRow(head, true);
        for (const row of rows) {
          if (y + heightOf(row, false) > H - 90) {
            doc.addPage();
            y = MARGIN;
            drawRow(head, true);
          }
          drawRow(row, false);
        }
      };

      y += 14;
      doc.font('bold').fontSize(12).fillColor(INK).text('一、年度学时情况', MARGIN, y);
      y += 22;
      table(
        ['年度', '要求（公需/专业/总）', '公需科目', '专业科目', '合计', '认定结果'],
        [50, 120, 60, 60, 60, width - 350],
        s.years.map((yr) => [
          `${yr.year}`,
          `${yr.required.public} / ${yr.required.specialized} / ${yr.required.total}`,
          `${yr.counted.public}`,
          `${yr.counted.specialized}`,
          `${yr.counted.total}`,
          yr.missing ? `${yr.resultLabel}（${yr.missing}）` : yr.resultLabel,
        ]),
      );

      y += 18;
      doc.font('bold').fontSize(12).fillColor(INK).text('二、学时记录', MARGIN, y);
      y += 22;
      if (s.records.length === 0) {
        doc.font('regular').fontSize(10).fillColor(MUTED).text('所选年度暂无审核通过的学时记录。', MARGIN, y);
        y += 20;
      } else {
        table(
          ['学时记录', '年度', '科目', '学时', '来源', '计入日期'],
          [width - 380, 50, 70, 60, 120, 80],
          s.records.map((r) => [r.title, `${r.year}`, r.category, r.hours, r.source, r.day]),
        );
      }

      const footY = Math.max(y + 24, H - 140);
      if (footY + 60 > H - MARGIN) doc.addPage();
      const fy = footY + 60 > H - MARGIN ? MARGIN : footY;
      doc
        .font('regular')
        .fontSize(9.5)
        .fillColor(MUTED)
        .text('本证明根据平台记录的学时生成，学时以平台记录为准。', MARGIN, fy, { width: width - 200 });
      doc.text(`打印：${meta.printedBy}`, MARGIN, fy + 18, { width: width - 200 });
      doc
        .font('bold')
        .fontSize(11)
        .fillColor(INK)
        .text(s.issuerName, W - MARGIN - 200, fy, { width: 200, align: 'center' });
      doc
        .font('regular')
        .fontSize(10)
        .text(dateText(meta.printedAt), W - MARGIN - 200, fy + 20, { width: 200, align: 'center' });

      const pages = doc.bufferedPageRange();
      if (pages.count > 1) {
        for (let i = 0; i < pages.count; i++) {
          doc.switchToPage(i);
          doc.page.margins.bottom = 0; // the page number sits in the margin: no new page for it
          doc
            .font('regular')
            .fontSize(9)
            .fillColor(MUTED)
            .text(`第 ${i + 1} 页 / 共 ${pages.count} 页`, MARGIN, H - 36, { width, align: 'center', lineBreak: false });
        }
      }
    },
  );
