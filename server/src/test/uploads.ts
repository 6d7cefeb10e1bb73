/** A one-file multipart body as the upload routes take it (field `file`), with its content-type header. */
export const multipartFile = (filename: string, bytes: Buffer) => {
  const boundary = '----cepBoundary7MA4YWxk';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
};

export const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const samplePng = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
