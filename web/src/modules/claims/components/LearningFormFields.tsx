import { Form, Input, InputNumber, Select } from 'antd';
import type { FormField } from '@cep/contracts';

const { TextArea } = Input;

const inputOf = (field: FormField) => {
  if (field.type === 'select') return <Select placeholder={`请选择${field.label}`} options={field.options} />;
  if (field.type === 'number') return <InputNumber style={{ width: '100%' }} min={0} placeholder={`请输入${field.label}`} suffix={field.unit} />;
  if (field.type === 'textarea') return <TextArea rows={3} maxLength={200} showCount placeholder={`请输入${field.label}`} />;
  return <Input maxLength={200} placeholder={`请输入${field.label}`} />;
};

/** A learning form's own inputs, drawn from the profile (its fields, labels, options and units), under `fields`. */
export const LearningFormFields = ({ fields }: { fields: FormField[] }) =>
  fields
    .filter((f) => f.type !== 'file')
    .map((field) => (
      <Form.Item
        key={field.key}
        name={['fields', field.key]}
        label={field.label}
        rules={field.required ? [{ required: true, message: `${field.type === 'select' ? '请选择' : '请填写'}${field.label}` }] : []}
      >
        {inputOf(field)}
      </Form.Item>
    ));
