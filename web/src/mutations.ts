// Every write the console makes goes through `useWrite`, TanStack Query's useMutation with what
// each write needs:
// - an Idempotency-Key per submission: the same values sent again before an answer came (a second
//   click, a retry after a timeout) carry the same key, so the API makes one change, not two; an
//   answer, done or refused, ends the submission, and the corrected form is a new request;
// - the sending state, for the button that sends;
// - a refusal's problem details next to the form fields they name (`fieldErrors`);
// - the queries the write changes, read again once it is done.
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useRef } from 'react';
import { ApiError, type Problem, fieldErrors } from './api.ts';

export interface Write<Values, Answer> {
  /**
   * Sends the values with the submission's key (given to the routes that take an Idempotency-Key);
   * resolves to the answer's data, or rejects with `unwrap`'s ApiError.
   */
  send(values: Values, idempotencyKey: string): Promise<Answer>;
  /** Where a refusal lands: the form, the field for a problem that names none, and the API's field names as the form's. */
  form?: { instance: FormInstance; fallback: string; rename?(field: string): string };
  /** Done: what the screen does with the answer (before the queries below are read again). */
  onSuccess?(answer: Answer, values: Values): void;
  /** Refused, with its problem details (besides the form's field errors). */
  onRefused?(problem: Problem): void;
  /** The queries the write changes (each key and every key under it). */
  invalidates?: readonly QueryKey[] | ((answer: Answer, values: Values) => readonly QueryKey[]);
}

export function useWrite<Values, Answer>(write: Write<Values, Answer>): { submit(values: Values): void; sending: boolean } {
  const queryClient = useQueryClient();
  // The key of each submission still waiting for an answer, by the values it sends.
  const keys = useRef(new Map<string, string>());
  const mutation = useMutation({
    mutationFn: async (values: Values) => {
      const submission = JSON.stringify(values) ?? '';
      const key = keys.current.get(submission) ?? crypto.randomUUID();
      keys.current.set(submission, key);
      try {
        const answer = await write.send(values, key);
        keys.current.delete(submission);
        return answer;
      } catch (error) {
        // Refused for what was sent: answered. A 409 (the first attempt may still be running), a 5xx or
        // no answer at all keeps the key, so the retry is the same request.
        if (error instanceof ApiError && error.problem.status < 500 && error.problem.status !== 409) keys.current.delete(submission);
        throw error;
      }
    },
    onSuccess: async (answer, values) => {
      write.onSuccess?.(answer, values);
      const changed = typeof write.invalidates === 'function' ? write.invalidates(answer, values) : (write.invalidates ?? []);
      await Promise.all(changed.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    onError: (error) => {
      const problem: Problem = error instanceof ApiError ? error.problem : { status: 0, detail: error.message };
      if (error instanceof ApiError) write.onRefused?.(problem);
      const form = write.form;
      if (!form) return;
      const known = form.instance.getFieldsError().map(({ name }) => name.join('.'));
      form.instance.setFields(fieldErrors(problem, form.fallback, form.rename, known));
    },
  });
  return { submit: (values) => mutation.mutate(values), sending: mutation.isPending };
}
