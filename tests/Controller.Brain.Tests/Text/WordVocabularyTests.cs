using Controller.Brain.Text;

namespace Controller.Brain.Tests.Text;

public class WordVocabularyTests
{
    private static readonly WordVocabulary Vocabulary = new(["<pad>", "<unk>", "put", "the", "red", "cube", "in", "bin"], padId: 0, unknownId: 1);

    [Fact]
    public void Encode_Sentence_IdsThenPadding()
    {
        Span<long> ids = stackalloc long[10];
        int n = Vocabulary.Encode("Put the RED cube, in the blue bin!", ids);
        Assert.Equal(8, n);
        Assert.Equal([2L, 3, 4, 5, 6, 3, 1, 7, 0, 0], ids.ToArray());
    }

    [Fact]
    public void Encode_LongerThanBuffer_Truncates()
    {
        Span<long> ids = stackalloc long[2];
        Assert.Equal(2, Vocabulary.Encode("put the red cube", ids));
        Assert.Equal([2L, 3], ids.ToArray());
    }

    [Fact]
    public void Encode_WordLongerThanScratch_IsUnknown()
    {
        Span<long> ids = stackalloc long[3];
        Vocabulary.Encode(new string('r', 100) + " red", ids);
        Assert.Equal([1L, 4, 0], ids.ToArray());
    }

    [Fact]
    public void Encode_AllocatesNothing()
    {
        var ids = new long[16];
        Vocabulary.Encode("put the red cube in the bin", ids);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Vocabulary.Encode("put the red cube in the bin", ids);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Constructor_DuplicateWord_ThrowsNamingLines()
    {
        var e = Assert.Throws<ArgumentException>(() => new WordVocabulary(["a", "b", "a"], 0, 1));
        Assert.Contains("lines 1 and 3", e.Message);
    }
}
