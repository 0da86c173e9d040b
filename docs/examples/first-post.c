/* first-post.c - the smallest program over libgisa: read a page, print its
 * title and date, and the post gisa composes from it.
 *
 *   cc first-post.c $(pkg-config --cflags --libs gisa) -o first-post
 *   ./first-post page.html
 */
#include <gisa.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PAGE\n", argv[0]);
        return 2;
    }
    gisa_bytes bytes;
    gisa_error err;
    if (gisa_load(argv[1], 0, &bytes, &err) != GISA_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    gisa_source src = {argv[1], bytes.data, bytes.len, NULL, NULL, NULL, NULL};
    gisa_document *doc;
    gisa_status st = gisa_extract(&src, NULL, &doc, &err);
    if (st == GISA_OK) {
        printf("%s (%s)\n\n", doc->title ? doc->title : "(no title)",
               doc->date ? doc->date : "no date");
        gisa_post post;
        st = gisa_compose(doc, NULL, &post, &err);
        if (st == GISA_OK) {
            fwrite(post.text, 1, post.len, stdout);
            gisa_post_clear(&post);
        }
        gisa_document_free(doc);
    }
    gisa_bytes_free(&bytes);
    if (st != GISA_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    return 0;
}
