/** A motion's description as Markdown. Raw HTML is dropped (skipHtml) and links are plain, so nothing runs. */
import ReactMarkdown from "react-markdown";

const SAFE_URL = /^(https?:|mailto:|#)/i;

export default function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        skipHtml
        urlTransform={(url) => (SAFE_URL.test(url) ? url : "")}
        components={{
          h1: ({ children }) => <h2>{children}</h2>,
          h2: ({ children }) => <h3>{children}</h3>,
          h3: ({ children }) => <h4>{children}</h4>,
          img: ({ alt }) => <span>[image: {alt}]</span>,
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer nofollow" target="_blank">
              {children}
            </a>
          ),
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
