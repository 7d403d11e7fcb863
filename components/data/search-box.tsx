"use client";

import { useEffect, useRef, useState } from "react";

const DEBOUNCE_MS = 250;

/** A search field that reports after typing pauses; "/" anywhere on the page focuses it. */
export function SearchBox(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { value, onChange } = props;
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // The URL is the source of truth, except while someone is typing into this very field.
    if (document.activeElement !== input.current) setText(value);
  }, [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  useEffect(() => {
    const focusOnSlash = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const isTyping = target?.closest("input, textarea, select, [contenteditable]");
      if (event.key === "/" && !isTyping) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", focusOnSlash);
    return () => window.removeEventListener("keydown", focusOnSlash);
  }, []);

  return (
    <label className="search-box">
      <span className="visually-hidden">{props.label}</span>
      <input
        ref={input}
        type="search"
        value={text}
        placeholder={props.placeholder}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setText("");
        }}
      />
      <kbd aria-hidden="true">/</kbd>
    </label>
  );
}
