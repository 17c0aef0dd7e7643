import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stratus — AWS Certified Developer Associate prep", template: "%s · Stratus" },
  description:
    "Learn, practise and sit timed mock exams for the AWS Certified Developer – Associate (DVA-C02), with weak-topic tracking and an honest readiness estimate.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Runs before paint: applies the saved theme (or the system's) so there is no flash.
const themeScript = `(function(){try{var t=localStorage.getItem('stratus-theme');if(t!=='light'&&t!=='dark'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){}})()`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-brand-600 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
        >
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
