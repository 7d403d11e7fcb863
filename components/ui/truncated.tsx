/** One line cut with an ellipsis, the whole text on hover: long emails keep tables in view. */
export function Truncated({ text }: { text: string }) {
  return (
    <span className="truncate" title={text}>
      {text}
    </span>
  );
}
