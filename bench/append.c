/* bench/append: the floor under a durable `hwk log`: append one row to a file and
 * fdatasync it, nothing else. Usage: append FILE ROW */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	int fd = open(argv[1], O_WRONLY | O_APPEND);
	size_t n = strlen(argv[2]);
	if (fd < 0 || write(fd, argv[2], n) != (ssize_t)n || fdatasync(fd) < 0)
		return 1;
	return close(fd) < 0;
}
