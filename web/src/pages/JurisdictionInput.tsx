// A jurisdiction code field: typed (checked by the core's rule) or picked from the API's tree,
// province → prefecture → county → township, each level loaded when opened; the code's name below it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Cascader, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api.ts';
import { type Lang, t } from '../i18n.ts';
import { placeQuery, usePlaceName } from '../places.ts';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

type Place = { code: string; name: string };
/** Townships are what cases are filed under; the picker stops there. */
const optionOf = (j: Place): Option => ({ value: j.code, label: `${j.name} ${j.code}`, isLeaf: j.code.length >= 9 });

// The tree changes rarely: read once per page load, shared by every picker on the screen.
const TREE = { staleTime: Infinity } as const;

export function JurisdictionInput({ id, value, onChange, lang }: { id?: string; value?: string; onChange?: (code: string) => void; lang: Lang }) {
  const queryClient = useQueryClient();
  const provinces = useQuery({ queryKey: ['jurisdictions'], queryFn: async () => unwrap(await api.GET('/v1/jurisdictions', {})).items, ...TREE });
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => setOptions((provinces.data ?? []).map(optionOf)), [provinces.data]);
  const load = async (path: Option[]) => {
    const last = path.at(-1)!;
    // The same query the names of jurisdictions elsewhere on the screen read (places.ts).
    const found = await queryClient.fetchQuery(placeQuery(last.value));
    last.children = found.children.map(optionOf);
    setOptions([...options]);
  };
  const names = usePlaceName(value);
  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value.trim())} />
        <Cascader<Option> options={options} loadData={(path) => void load(path)} changeOnSelect onChange={(path) => path && onChange?.(String(path.at(-1)))}>
          <Button>{t(lang, 'pick')}</Button>
        </Cascader>
      </Space.Compact>
      {(names.full ?? names.own) && <Typography.Text type="secondary">{names.full ?? names.own}</Typography.Text>}
    </>
  );
}
