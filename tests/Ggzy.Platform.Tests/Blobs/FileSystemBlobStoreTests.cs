using System.Text;
using Ggzy.Platform.Blobs;
using Ggzy.Sealing;

namespace Ggzy.Platform.Tests.Blobs;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ggzy-blobs-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Put_ReturnsTheSm3OfTheContent_AndReadsItBack()
    {
        var store = new FileSystemBlobStore(_root);
        var bytes = Encoding.UTF8.GetBytes("招标文件 第一章 招标公告");
        var id = await store.PutAsync(new MemoryStream(bytes), Ct);

        id.Value.ShouldBe(Sm3.HashHex(bytes));
        (await store.ExistsAsync(id, Ct)).ShouldBeTrue();
        await using var read = (await store.OpenReadAsync(id, Ct))!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, Ct);
        copy.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public async Task Put_SameContentTwice_StoresOneFile_AndLeavesNoTemporaryFiles()
    {
        var store = new FileSystemBlobStore(_root);
        var first = await store.PutAsync(new MemoryStream([1, 2, 3]), Ct);
        var second = await store.PutAsync(new MemoryStream([1, 2, 3]), Ct);

        second.ShouldBe(first);
        Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Length.ShouldBe(1);
    }

    [Fact]
    public async Task OpenRead_UnknownBlob_IsNull()
    {
        var store = new FileSystemBlobStore(_root);
        var id = new BlobId(Sm3.HashHex([9]));
        (await store.OpenReadAsync(id, Ct)).ShouldBeNull();
        (await store.ExistsAsync(id, Ct)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF")]
    [InlineData("0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void BlobId_ThatIsNotALowercaseDigest_IsRefused(string value) =>
        Should.Throw<FormatException>(() => new BlobId(value));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
