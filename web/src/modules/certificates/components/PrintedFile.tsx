import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Modal, Space, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { isApiError } from '../../../api/client';

type Printed = { url: string; filename: string };

/**
 * A generated PDF (a certificate, a 学时证明) offered to open or save: a download a page starts without a click is
 * blocked by browsers after the first one, so the file is made first and the person clicks to open it.
 */
export const usePrintedFile = <I,>(make: (input: I) => Promise<Printed>) => {
  const { message } = App.useApp();
  const [printed, setPrinted] = useState<Printed | null>(null);
  const mutation = useMutation({
    mutationFn: make,
    onSuccess: setPrinted,
    onError: (e) => message.error(isApiError(e) ? e.message : '文件生成失败，请稍后再试'),
  });
  const close = () => {
    if (printed) URL.revokeObjectURL(printed.url);
    setPrinted(null);
  };
  return { ...mutation, printed, close };
};

export const PrintedDialog = ({ printed, title, note, onClose }: { printed: Printed | null; title: string; note?: string; onClose: () => void }) => (
  <Modal open={Boolean(printed)} title={title} onCancel={onClose} footer={null} className="certificate-printed">
    <Typography.Paragraph>{printed?.filename}</Typography.Paragraph>
    {note ? <Typography.Paragraph type="secondary">{note}</Typography.Paragraph> : null}
    <Space wrap>
      <Button type="primary" icon={<PrinterOutlined />} href={printed?.url} target="_blank" rel="noreferrer">
        打开并打印
      </Button>
      <Button icon={<DownloadOutlined />} href={printed?.url} download={printed?.filename}>
        下载 PDF
      </Button>
    </Space>
  </Modal>
);

/** The note under a certificate just made. */
export const CERTIFICATE_NOTE = '证书编号可在“学习记录验证”核验真伪；学时没有变化时，再次打印的证书编号不变。';
