"use client";

import { EmptyState } from "./states";

type Props = {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  noun?: string;
};

const number = new Intl.NumberFormat("en");

export function lastPageOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function Pagination({ page, pageSize, total, onPage, noun = "results" }: Props) {
  const pages = lastPageOf(total, pageSize);
  const isPastEnd = page > pages;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Pagination">
      <span className="muted">
        {total === 0
          ? `No ${noun}`
          : isPastEnd
            ? `${number.format(total)} ${noun}`
            : `${number.format(first)}–${number.format(last)} of ${number.format(total)} ${noun}`}
      </span>
      <div className="pagination-buttons">
        <button
          type="button"
          className="button button-small"
          onClick={() => onPage(Math.min(page - 1, pages))}
          disabled={page <= 1}
        >
          Previous
        </button>
        <span className="muted">
          {isPastEnd
            ? `Past the last page (${number.format(pages)})`
            : `Page ${number.format(page)} of ${number.format(pages)}`}
        </span>
        <button
          type="button"
          className="button button-small"
          onClick={() => onPage(page + 1)}
          disabled={page >= pages}
        >
          Next
        </button>
      </div>
    </nav>
  );
}

/** What a page past the last one shows, as an old link or a list that shrank can ask for. */
export function PastLastPage(props: {
  page: number;
  lastPage: number;
  noun: string;
  onLastPage: () => void;
}) {
  return (
    <EmptyState title={`Page ${number.format(props.page)} is past the end`}>
      <p>
        {props.lastPage === 1
          ? `All the ${props.noun} fit on one page.`
          : `The ${props.noun} end on page ${number.format(props.lastPage)}.`}
      </p>
      <button type="button" className="button" onClick={props.onLastPage}>
        Go to page {number.format(props.lastPage)}
      </button>
    </EmptyState>
  );
}
