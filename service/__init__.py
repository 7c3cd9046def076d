"""citewire: answers questions about news articles only from those articles, with checked citations."""
