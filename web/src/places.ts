// Jurisdictions by name: each level of a code's lineage read once from the API's tree (shared with
// the jurisdiction picker, kept for the page's life), so a code shows as 四川省南充市南部县南隆镇 ·
// 511321100 and an office as its own name.
import { useQueries } from '@tanstack/react-query';
import { isJurisdictionCode, lineage } from '../../core/jurisdiction.ts';
import { api, unwrap } from './api.ts';

/** One jurisdiction and its children, as GET /v1/jurisdictions/{code} answers (an unknown code is an error, not retried). */
export const placeQuery = (code: string) => ({
  queryKey: ['jurisdiction', code],
  queryFn: async () => unwrap(await api.GET('/v1/jurisdictions/{code}', { params: { path: { code } } })),
  staleTime: Infinity,
  retry: false,
});

/** Names that stand for no place of their own in a full name (GB/T 2260's 市辖区 under a municipality). */
const PLACEHOLDER = /市辖区$|^县$|直辖县级行政区划$/;

/**
 * A code's names: `own`, the jurisdiction's (建外街道), and `full`, every level's from the province
 * down (北京市朝阳区建外街道), once all are known. Neither for a code the tree does not hold.
 */
export function usePlaceName(code: string | null | undefined): { own?: string; full?: string } {
  const codes = code && isJurisdictionCode(code) ? lineage(code) : [];
  const levels = useQueries({ queries: codes.map(placeQuery) });
  const own = levels.at(-1)?.data?.name;
  if (!own) return {};
  if (levels.some((q) => !q.data)) return { own };
  const names = levels.map((q) => q.data!.name).filter((name, i) => i === levels.length - 1 || !PLACEHOLDER.test(name));
  return { own, full: names.join('') };
}
