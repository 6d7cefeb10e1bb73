import { PaperClipOutlined } from '@ant-design/icons';
import type { RequestAttachment } from '@cep/contracts';
import { formatFileSize } from '../../../api/client';
import { reviewsApi } from '../reviews.api';
import '../reviews.css';

/** A request's files as download links (the server sends each only to the applicant and the request's reviewers). */
export const AttachmentList = ({ attachments }: { attachments: RequestAttachment[] }) =>
  attachments.length === 0 ? (
    <span>—</span>
  ) : (
    <ul className="attachment-list">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={reviewsApi.attachmentUrl(a.id)} download={a.filename}>
            <PaperClipOutlined /> {a.filename}
          </a>
          <span className="attachment-list__size">{formatFileSize(a.size)}</span>
        </li>
      ))}
    </ul>
  );
