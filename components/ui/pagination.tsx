"use client";

type Props = {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  noun?: string;
};

const number = new Intl.NumberFormat("en");

export function Pagination({ page, pageSize, total, onPage, noun = "results" }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Pagination">
      <span className="muted">
        {total === 0
          ? `No ${noun}`
          : `${number.format(first)}–${number.format(last)} of ${number.format(total)} ${noun}`}
      </span>
      <div className="pagination-buttons">
        <button
          type="button"
          className="button button-small"
          onClick={() => onPage(page - 1)}
          disabled={page <= 1}
        >
          Previous
        </button>
        <span className="muted">
          Page {number.format(page)} of {number.format(pages)}
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
