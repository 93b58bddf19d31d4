// gumbo-dump FILE...: parses each file with gumbo and prints its tree in the html5lib-tests format
// (the format of HTMLDocument.treeDump), each followed by a line "#end". Used by scripts/fuzz-html-gumbo.
#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void indent(int depth) {
    printf("| ");
    for (int i = 0; i < depth; i++) printf("  ");
}

static int cmp_attr(const void *a, const void *b) {
    const GumboAttribute *x = *(const GumboAttribute **)a, *y = *(const GumboAttribute **)b;
    char nx[512], ny[512];
    snprintf(nx, sizeof nx, "%s%s%s", x->attr_namespace == GUMBO_ATTR_NAMESPACE_XLINK ? "xlink " : x->attr_namespace == GUMBO_ATTR_NAMESPACE_XML ? "xml " : x->attr_namespace == GUMBO_ATTR_NAMESPACE_XMLNS ? "xmlns " : "", "", x->name);
    snprintf(ny, sizeof ny, "%s%s%s", y->attr_namespace == GUMBO_ATTR_NAMESPACE_XLINK ? "xlink " : y->attr_namespace == GUMBO_ATTR_NAMESPACE_XML ? "xml " : y->attr_namespace == GUMBO_ATTR_NAMESPACE_XMLNS ? "xmlns " : "", "", y->name);
    return strcmp(nx, ny);
}

static void dump(const GumboNode *node, int depth) {
    switch (node->type) {
    case GUMBO_NODE_DOCUMENT: {
        const GumboDocument *d = &node->v.document;
        if (d->has_doctype) {
            indent(depth);
            printf("<!DOCTYPE %s", d->name);
            if (d->public_identifier[0] || d->system_identifier[0]) printf(" \"%s\" \"%s\"", d->public_identifier, d->system_identifier);
            printf(">\n");
        }
        for (unsigned i = 0; i < d->children.length; i++) dump(d->children.data[i], depth);
        return;
    }
    case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA:
        indent(depth);
        printf("\"%s\"\n", node->v.text.text);
        return;
    case GUMBO_NODE_COMMENT:
        indent(depth);
        printf("<!-- %s -->\n", node->v.text.text);
        return;
    case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE: {
        const GumboElement *e = &node->v.element;
        indent(depth);
        const char *prefix = e->tag_namespace == GUMBO_NAMESPACE_SVG ? "svg " : e->tag_namespace == GUMBO_NAMESPACE_MATHML ? "math " : "";
        const char *name = gumbo_normalized_tagname(e->tag);
        char buf[256];
        if (e->tag == GUMBO_TAG_UNKNOWN || e->tag_namespace == GUMBO_NAMESPACE_SVG) {
            GumboStringPiece p = e->original_tag;
            gumbo_tag_from_original_text(&p);
            size_t n = p.length < sizeof buf - 1 ? p.length : sizeof buf - 1;
            memcpy(buf, p.data, n);
            buf[n] = 0;
            if (e->tag_namespace != GUMBO_NAMESPACE_SVG || e->tag == GUMBO_TAG_UNKNOWN) {
                for (size_t i = 0; i < n; i++) if (buf[i] >= 'A' && buf[i] <= 'Z') buf[i] += 32;
            }
            if (e->tag_namespace == GUMBO_NAMESPACE_SVG) {
                const char *fixed = gumbo_normalize_svg_tagname(&p);
                if (fixed) name = fixed; else name = buf;
            } else name = buf;
        }
        printf("<%s%s>\n", prefix, name);
        const GumboAttribute **attrs = malloc(sizeof(GumboAttribute *) * (e->attributes.length + 1));
        for (unsigned i = 0; i < e->attributes.length; i++) attrs[i] = e->attributes.data[i];
        qsort(attrs, e->attributes.length, sizeof *attrs, cmp_attr);
        for (unsigned i = 0; i < e->attributes.length; i++) {
            const GumboAttribute *a = attrs[i];
            const char *ns = a->attr_namespace == GUMBO_ATTR_NAMESPACE_XLINK ? "xlink " : a->attr_namespace == GUMBO_ATTR_NAMESPACE_XML ? "xml " : a->attr_namespace == GUMBO_ATTR_NAMESPACE_XMLNS ? "xmlns " : "";
            indent(depth + 1);
            printf("%s%s=\"%s\"\n", ns, a->name, a->value);
        }
        free(attrs);
        int d = depth + 1;
        if (node->type == GUMBO_NODE_TEMPLATE) {
            indent(depth + 1);
            printf("content\n");
            d = depth + 2;
        }
        for (unsigned i = 0; i < e->children.length; i++) dump(e->children.data[i], d);
        return;
    }
    }
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); return 1; }
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *buf = malloc(n + 1);
        if (fread(buf, 1, n, f) != (size_t)n) { fclose(f); return 1; }
        fclose(f);
        buf[n] = 0;
        GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, buf, n);
        dump(out->document, 0);
        printf("#end\n");
        gumbo_destroy_output(&kGumboDefaultOptions, out);
        free(buf);
    }
    return 0;
}
