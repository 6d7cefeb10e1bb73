import { useRef, useState } from 'react';
import { App, Button, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { REQUEST_ATTACHMENT_HINT, type RequestAttachment } from '@cep/contracts';
import { formatFileSize, isApiError } from '../../../api/client';
import { reviewsApi } from '../reviews.api';
import '../reviews.css';

type Props = {
  value?: RequestAttachment[];
  onChange?: (files: RequestAttachment[]) => void;
  max?: number;
  /** Documents only (ID photos, a licence): no video offered. */
  documentsOnly?: boolean;
};

const DOCUMENTS_HINT = '支持 PDF、JPG、PNG 格式（单个不超过10MB）';

/**
 * A form control for a request's files: each is uploaded (and checked by the server) as soon as it is chosen, and
 * the request is filed with their ids. Removing one here deletes the upload.
 */
export const AttachmentUpload = ({ value = [], onChange, max = 10, documentsOnly = false }: Props) => {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  // Several files finish one after another before the form re-renders: each adds to the latest list, not the one it began with.
  const latest = useRef(value);
  latest.current = value;
  const change = (files: RequestAttachment[]) => {
    latest.current = files;
    onChange?.(files);
  };
  const fail = (e: unknown) => message.error(isApiError(e) ? e.message : '上传失败，请稍后重试');
  const add = (file: File) => {
    setUploading((n) => n + 1);
    reviewsApi
      .uploadAttachment(file)
      .then((uploaded) => change([...latest.current, uploaded]), fail)
      .finally(() => setUploading((n) => n - 1));
  };
  const remove = (id: string) => {
    change(latest.current.filter((a) => a.id !== id));
    reviewsApi.removeAttachment(id).catch(() => undefined);
  };
  return (
    <div className="attachment-upload">
      <ul className="attachment-list">
        {value.map((a) => (
          <li key={a.id}>
            <span className="attachment-list__name">{a.filename}</span>
            <span className="attachment-list__size">{formatFileSize(a.size)}</span>
            <Button type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(a.id)} aria-label={`删除 ${a.filename}`}>
              删除
            </Button>
          </li>
        ))}
      </ul>
      <Upload
        accept={documentsOnly ? '.pdf,.jpg,.jpeg,.png' : '.pdf,.jpg,.jpeg,.png,.mp4'}
        multiple
        showUploadList={false}
        disabled={value.length >= max}
        customRequest={({ file }) => add(file as File)}
      >
        <Button icon={<UploadOutlined />} loading={uploading > 0} disabled={value.length >= max}>
          上传文件
        </Button>
      </Upload>
      <div className="attachment-upload__hint">
        {documentsOnly ? DOCUMENTS_HINT : REQUEST_ATTACHMENT_HINT}，最多{max}个
      </div>
    </div>
  );
};
