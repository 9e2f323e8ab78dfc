import { CameraOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Typography, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttachmentInput, AttachmentRef } from '../../api/types.ts';
import { attachmentUrl } from './api.ts';

/** The server's limits (server/modules/work-orders/schemas.ts). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The files chosen in an Upload, as the API's attachments (base64). */
export async function toAttachmentInputs(files: UploadFile[] | undefined): Promise<AttachmentInput[]> {
  const chosen = (files ?? []).filter((f) => f.originFileObj);
  return Promise.all(
    chosen.map(async (f) => ({
      filename: f.name,
      contentType: f.type || f.originFileObj?.type || 'application/octet-stream',
      dataBase64: await readAsBase64(f.originFileObj as Blob),
    })),
  );
}

/** For Form.Item: `getValueFromEvent={uploadValue}` with `valuePropName="fileList"`. */
export function uploadValue(event: { fileList?: UploadFile[] } | UploadFile[]): UploadFile[] {
  return Array.isArray(event) ? event : (event?.fileList ?? []);
}

interface AttachmentUploadProps {
  fileList?: UploadFile[];
  onChange?: (info: { fileList: UploadFile[] }) => void;
  /** Photos only (the portal's "add photos"); opens the camera on phones. */
  photos?: boolean;
  'data-testid'?: string;
}

/** Files kept in the form until it is sent (nothing uploads on its own). */
export function AttachmentUpload({ fileList, onChange, photos = false, ...rest }: AttachmentUploadProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      multiple
      fileList={fileList}
      onChange={onChange}
      accept={photos ? 'image/*' : undefined}
      listType={photos ? 'picture-card' : 'text'}
      maxCount={MAX_ATTACHMENTS}
      beforeUpload={(file) => {
        if (file.size > MAX_ATTACHMENT_BYTES) {
          message.error(t('workOrders.fileTooLarge', { name: file.name, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }));
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      data-testid={rest['data-testid']}
    >
      {photos ? (
        (fileList?.length ?? 0) >= MAX_ATTACHMENTS ? null : (
          <Flex vertical align="center" gap={4}>
            <CameraOutlined style={{ fontSize: 20 }} />
            <span>{t('workOrders.addPhotos')}</span>
          </Flex>
        )
      ) : (
        <Button icon={<UploadOutlined />}>{t('workOrders.addFiles')}</Button>
      )}
    </Upload>
  );
}

const isImage = (a: AttachmentRef) => a.contentType.startsWith('image/');

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Images as thumbnails (click to enlarge), other files as download links. */
export function AttachmentList({ orderId, attachments }: { orderId: string; attachments: AttachmentRef[] }) {
  if (attachments.length === 0) return null;
  const images = attachments.filter(isImage);
  const files = attachments.filter((a) => !isImage(a));
  return (
    <Flex vertical gap={8} data-testid="wo-attachments">
      {images.length > 0 ? (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {images.map((a) => (
              <Image
                key={a.id}
                src={attachmentUrl(orderId, a.id)}
                alt={a.filename}
                width={88}
                height={88}
                style={{ objectFit: 'cover', borderRadius: 6 }}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {files.map((a) => (
        <Typography.Link key={a.id} href={attachmentUrl(orderId, a.id)} download={a.filename}>
          <PaperClipOutlined /> {a.filename} <Typography.Text type="secondary">({size(a.size)})</Typography.Text>
        </Typography.Link>
      ))}
    </Flex>
  );
}
